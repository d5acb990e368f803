using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Hosting;

/// <summary>Full rescan of every watched folder: catches what file-system events missed (network shares, overflow).</summary>
internal sealed class IntakeRescanner(IOptions<IntakeOptions> options, IntakeTracker tracker)
{
    /// <summary>Touches every export folder with its newest file time; returns the number of folders seen.</summary>
    public int RescanAll()
    {
        var seen = 0;
        foreach (var watch in options.Value.WatchFolders)
        {
            foreach (var (folder, lastWrite) in FolderScanner.ExportFolders(AppPaths.Resolve(watch.Path)))
            {
                tracker.Touch(folder, watch, lastWrite);
                seen++;
            }
        }
        return seen;
    }
}
