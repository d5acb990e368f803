using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>The layouts of every configured watched folder, found by inbox (a job's origin).</summary>
internal sealed class WatchLayouts(IOptions<IntakeOptions> options)
{
    private readonly Lazy<IReadOnlyList<WatchLayout>> _all = new(() => [.. options.Value.WatchFolders.Select(WatchLayout.Of)]);

    /// <summary>Every layout, in configuration order.</summary>
    public IReadOnlyList<WatchLayout> All => _all.Value;

    /// <summary>The layout whose inbox is <paramref name="origin"/>, or null when that folder is no longer configured.</summary>
    public WatchLayout? ForOrigin(string origin) => All.FirstOrDefault(l => string.Equals(l.Inbox, origin, StringComparison.Ordinal));

    /// <summary>The layout of the watched folder <paramref name="source"/> arrived in.</summary>
    public WatchLayout For(IntakeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var inbox = Path.TrimEndingDirectorySeparator(Path.GetFullPath(source.WatchRoot));
        return ForOrigin(inbox) ?? throw new InvalidOperationException($"{inbox} is not a configured watched folder");
    }
}
