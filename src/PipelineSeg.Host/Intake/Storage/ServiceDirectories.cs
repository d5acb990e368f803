using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// The folders <c>serve</c> reads and writes: every watched folder's layout (inbox, output, work, done, failed) and the
/// data directory with the health file and <c>state/</c> (id key, job journal). Never the binary folder: it may be
/// read-only and is replaced on update.
/// </summary>
internal sealed class ServiceDirectories(IOptions<ServiceOptions> service, IOptions<IntakeOptions> intake, IOptions<HealthOptions> health,
    IOptions<JournalOptions> journal, WatchLayouts layouts)
{
    /// <summary>Default data directory name inside the first watch folder's output.</summary>
    public const string DefaultDataFolderName = ".pipelineseg";

    /// <summary>The data directory (absolute).</summary>
    public string Data => string.IsNullOrWhiteSpace(service.Value.DataDirectory)
        ? Path.Combine(AppPaths.Resolve(intake.Value.WatchFolders.FirstOrDefault()?.Output is { Length: > 0 } o ? o : "."), DefaultDataFolderName)
        : AppPaths.Resolve(service.Value.DataDirectory);

    /// <summary>Service state that outlives a restart (the id key, the SQLite journal).</summary>
    public string State => Path.Combine(Data, "state");

    /// <summary>The SQLite journal file (<c>Journal:Path</c>, relative to the data directory).</summary>
    public string JournalFile => Path.GetFullPath(Path.Combine(Data, journal.Value.Path));

    /// <summary>The health file (<c>Health:StatusFile</c>, relative to the data directory).</summary>
    public string HealthFile => Path.GetFullPath(Path.Combine(Data, health.Value.StatusFile));

    /// <summary>Every folder the service needs: each watched folder's layout, the data and state folders.</summary>
    public IEnumerable<string> Required => layouts.All.SelectMany(l => l.Folders)
        .Concat([Data, State, Path.GetDirectoryName(HealthFile)!, Path.GetDirectoryName(JournalFile)!])
        .Distinct(StringComparer.Ordinal);

    /// <summary>Creates every required folder (so health is judged on a ready service, not a half-made one).</summary>
    public void CreateAll()
    {
        foreach (var folder in Required)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
