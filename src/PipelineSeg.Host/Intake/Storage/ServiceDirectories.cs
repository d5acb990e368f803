using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// The folders <c>serve</c> reads and writes: watched folders and their outputs, and the data directory with the
/// health file, <c>state/</c> and <c>work/</c>. Never the binary folder: it may be read-only and is replaced on update.
/// </summary>
internal sealed class ServiceDirectories(IOptions<ServiceOptions> service, IOptions<IntakeOptions> intake, IOptions<HealthOptions> health)
{
    /// <summary>Default data directory name inside the first watch folder's output.</summary>
    public const string DefaultDataFolderName = ".pipelineseg";

    /// <summary>The data directory (absolute).</summary>
    public string Data => string.IsNullOrWhiteSpace(service.Value.DataDirectory)
        ? Path.Combine(AppPaths.Resolve(intake.Value.WatchFolders.FirstOrDefault()?.Output is { Length: > 0 } o ? o : "."), DefaultDataFolderName)
        : AppPaths.Resolve(service.Value.DataDirectory);

    /// <summary>Service state that outlives a restart (the input-name key).</summary>
    public string State => Path.Combine(Data, "state");

    /// <summary>The SQLite job journal (and Quartz's schedule store beside it).</summary>
    public string JournalFile => Path.Combine(State, "journal.db");

    /// <summary>Inputs staged for one job; emptied at start.</summary>
    public string Work => Path.Combine(Data, "work");

    /// <summary>The health file (<c>Health:StatusFile</c>, relative to the data directory).</summary>
    public string HealthFile => Path.GetFullPath(Path.Combine(Data, health.Value.StatusFile));

    /// <summary>Every folder the service needs, watched and output folders included.</summary>
    public IEnumerable<string> Required => intake.Value.WatchFolders
        .SelectMany(w => new[] { AppPaths.Resolve(w.Path), AppPaths.Resolve(w.Output) })
        .Concat([Data, State, Work, Path.GetDirectoryName(HealthFile)!])
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
