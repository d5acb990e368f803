using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>Full rescan of every watched folder: catches what file-system events missed (network shares, overflow).</summary>
internal sealed class IntakeRescanner(IOptions<IntakeOptions> options, IntakeTracker tracker, ILogger<IntakeRescanner> logger)
{
    /// <summary>Touches every source with its newest file time; returns the number of sources seen.</summary>
    public int RescanAll()
    {
        var seen = 0;
        foreach (var watch in options.Value.WatchFolders)
        {
            var root = AppPaths.Resolve(watch.Path);
            try
            {
                foreach (var (folder, lastWrite) in FolderScanner.ExportFolders(root))
                {
                    tracker.Touch(new IntakeSource(IntakeSourceKind.ExportFolder, folder, root, watch), lastWrite);
                    seen++;
                }
                if (FolderScanner.NewestWrite(FolderScanner.LooseFiles(root)) is { } newest)
                {
                    tracker.Touch(new IntakeSource(IntakeSourceKind.LooseFiles, root, root, watch), newest);
                    seen++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A share that drops or a folder moved mid-walk must not stop the service; the watcher and the next rescan go on.
                IntakeLog.RescanFailed(logger, root, e.Message);
            }
        }
        return seen;
    }
}
