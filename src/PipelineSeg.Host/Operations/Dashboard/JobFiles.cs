using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Operations.Dashboard;

/// <summary>
/// Finds a job's files for the dashboard: the result folder of a succeeded job (named by SeriesInstanceUID in the watched
/// folder's output; the journal holds only the keyed hash of that UID, so output folder names are hashed with the same
/// key and matched) and the error.json of a failed one (in failed/&lt;work name&gt;/).
/// </summary>
internal sealed class JobFiles(WatchLayouts layouts, InputIds ids)
{
    /// <summary>Name of the error file the job runner writes into a failed input.</summary>
    public const string ErrorFileName = "error.json";

    /// <summary>Result folders of every watched folder by series hash (one directory listing per watched folder).</summary>
    public IReadOnlyDictionary<string, string> ResultFoldersByHash()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layout in layouts.All.Where(l => Directory.Exists(l.Output)))
        {
            foreach (var folder in Directory.EnumerateDirectories(layout.Output).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                map.TryAdd(ids.ForSeriesUids([Path.GetFileName(folder)]), folder);
            }
        }
        return map;
    }

    /// <summary>The result folder of <paramref name="job"/>, or null.</summary>
    public string? ResultFolder(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (RoutedWork.IsRouted(job.Request.WorkName) && layouts.ForOrigin(job.Request.Origin) is { } layout)
        {
            // A routed job's results are in its pipeline's subfolder (a series may have one per pipeline).
            var root = RoutedWork.ResultRoot(layout.Output, job.Request.WorkName, job.Request.Pipeline);
            return Directory.Exists(root)
                ? Directory.EnumerateDirectories(root).FirstOrDefault(d => ids.ForSeriesUids([Path.GetFileName(d)]) == job.Request.SeriesUidHash)
                : null;
        }
        return ResultFoldersByHash().TryGetValue(job.Request.SeriesUidHash, out var folder) ? folder : null;
    }

    /// <summary>The error.json of a failed <paramref name="job"/>, or null.</summary>
    public string? ErrorFile(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var layout = layouts.ForOrigin(job.Request.Origin);
        var file = layout is null ? null : Path.Combine(layout.FailedOf(job.Request.WorkName), ErrorFileName);
        return file is not null && File.Exists(file) ? file : null;
    }
}
