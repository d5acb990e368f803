using Spectre.Console;

namespace PipelineSeg.Host.Cli.Progress;

/// <summary>
/// Picks the display: nothing with --quiet; the live display when standard output is a terminal and no --json was asked
/// (JSON output stays pure); otherwise plain lines on standard error every <see cref="LogInterval"/>.
/// </summary>
internal static class ProgressDisplays
{
    /// <summary>Least time between two plain progress lines.</summary>
    public static TimeSpan LogInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The display for a command run with these flags.</summary>
    public static IProgressDisplay For(CliContext context, bool quiet, bool json)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (quiet)
        {
            return new SilentProgress();
        }
        if (context.OutputIsTerminal && !json)
        {
            return new TerminalProgress(AnsiConsole.Console);
        }
        return new LogLineProgress(context.Error, LogInterval, TimeProvider.System);
    }
}
