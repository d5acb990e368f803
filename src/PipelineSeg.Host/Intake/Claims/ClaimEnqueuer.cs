using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>
/// Turns a claimed folder under work/ into journal jobs, one per image series (see <see cref="SeriesGrouping"/>). A series
/// already processed by this pipeline version is a duplicate: its input goes to done/ unprocessed. A new copy of a series
/// whose job failed re-queues that job with the new input. With routing rules (<see cref="ClaimRouter"/>) a series gets
/// one job per pipeline its rule names, or none when it is ignored. Safe to run again on the same folder after a crash.
/// </summary>
internal sealed class ClaimEnqueuer(IJobJournal journal, InputIds ids, PipelineVersions versions, ClaimRouter router, IOptions<PipelinesOptions> pipelines,
    IOptions<IntakeOptions> intake, IOptions<JournalOptions> journalOptions, JobSignal signal, TimeProvider time, ILogger<ClaimEnqueuer> logger)
{
    private const string ParkPrefix = ".split-";

    /// <summary>Queues the jobs of work/<paramref name="name"/>; returns how many were queued.</summary>
    public async Task<int> EnqueueAsync(WatchLayout layout, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var folder = layout.WorkOf(name);
        if (router.AppliesTo(layout, name))
        {
            ClaimRouter.RemoveUnfinishedCopies(folder);
        }
        var files = InputFiles.Under(folder);
        var scan = await DicomSeriesScanner.ScanFilesAsync(files, new DicomSeriesAssemblyOptions(), cancellationToken).ConfigureAwait(false);
        var groups = SeriesGrouping.Group(scan, files, intake.Value.MarkerFile);
        if (groups.Count == 1)
        {
            return await RouteAsync(layout, name, groups[0].SeriesInstanceUids, scan, cancellationToken).ConfigureAwait(false);
        }
        var queued = 0;
        foreach (var group in groups)
        {
            // Each group is gathered in a hidden subfolder, then renamed out whole: a crash leaves the claim folder (split
            // again at start, to the same part names) or complete parts, never a series in two jobs.
            var suffix = group.SeriesInstanceUids.Count > 0 ? ids.ForSeriesUids(group.SeriesInstanceUids)[..8] : "rest";
            var park = Path.Combine(folder, ParkPrefix + suffix);
            foreach (var file in group.Files)
            {
                var target = Path.Combine(park, Unparked(Path.GetRelativePath(folder, file)));
                if (!string.Equals(target, file, StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(file, target);
                }
            }
            var part = $"{name}-{suffix}";
            Directory.Move(park, layout.WorkOf(part));
            queued += await RouteAsync(layout, part, group.SeriesInstanceUids, scan, cancellationToken).ConfigureAwait(false);
        }
        Durable.Remove(folder);
        return queued;
    }

    // The jobs of one group: routed when rules apply and the group has an image series, else the folder's pipeline.
    private async Task<int> RouteAsync(WatchLayout layout, string name, IReadOnlyList<string> seriesUids, DicomScanResult scan, CancellationToken cancellationToken)
    {
        var image = scan.Series.FirstOrDefault(s => seriesUids.Contains(s.SeriesInstanceUid, StringComparer.Ordinal) && !SopClasses.IsSegmentation(s.SopClassUid)
            && !string.Equals(s.Modality, "SEG", StringComparison.OrdinalIgnoreCase));
        if (image is null || !router.AppliesTo(layout, name))
        {
            var pipeline = RoutedWork.PipelineOf(name, pipelines.Value.Definitions.Keys) ?? layout.Watch.Pipeline;
            return await EnqueueOneAsync(layout, name, seriesUids, pipeline, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }
        var decision = router.Decide(layout.WorkOf(name), image);
        var hash = ids.ForSeriesUids(seriesUids);
        if (decision.Ignored)
        {
            router.Ignore(layout, name, hash, decision);
            return 0;
        }
        var queued = 0;
        foreach (var (part, pipeline) in router.Split(layout, name, hash, decision))
        {
            queued += await EnqueueOneAsync(layout, part, seriesUids, pipeline, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }
        return queued;
    }

    private async Task<bool> EnqueueOneAsync(WatchLayout layout, string name, IReadOnlyList<string> seriesUids, string? pipeline, CancellationToken cancellationToken)
    {
        var folder = layout.WorkOf(name);
        var content = await ContentHash.OfFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var series = seriesUids.Count > 0 ? ids.ForSeriesUids(seriesUids) : "files-" + content[..16];
        var version = await versions.ForAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var dedup = $"{series}|{version.Pipeline}|{version.PipelineVersion}" + (journalOptions.Value.ReprocessOnNewModel ? "|" + version.ModelVersion : string.Empty);
        var request = new JobRequest(dedup, layout.Inbox, name, series, content, version.Pipeline, version.PipelineVersion, version.ModelVersion);
        var now = time.GetUtcNow();
        var result = await journal.EnqueueAsync(request, now, cancellationToken).ConfigureAwait(false);
        var existing = result.Job;
        if (result.Created || string.Equals(existing.Request.WorkName, name, StringComparison.Ordinal))
        {
            JobLog.Queued(logger, existing.Id, name, series);
            signal.Notify();
            return true;
        }
        if (existing.State == JobState.Failed && await journal.RetryAsync(existing.Id, now, request, cancellationToken).ConfigureAwait(false))
        {
            JobLog.RequeuedWithNewCopy(logger, existing.Id, name);
            signal.Notify();
            return true;
        }
        Directory.Move(folder, layout.DoneOf(name));
        JobLog.Duplicate(logger, name, existing.Id, JobStates.Name(existing.State));
        return false;
    }

    // A file parked by an earlier, interrupted split keeps its path below the park folder.
    private static string Unparked(string relative)
    {
        if (!relative.StartsWith(ParkPrefix, StringComparison.Ordinal))
        {
            return relative;
        }
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? relative : relative[(separator + 1)..];
    }
}
