using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// Processes every series under a folder once: scan, sort (segment / ground truth / reject / ignore), create the model
/// once, segment each series independently (a failure quarantines that series and the rest go on), write
/// batch-summary.json.
/// </summary>
public sealed class BatchProcessor(IModelProvider models, ILogger<BatchProcessor> logger)
{
    /// <summary>File name of the batch summary in the output folder.</summary>
    public const string SummaryFileName = "batch-summary.json";

    /// <summary>Runs the batch. Model creation failures propagate (they are configuration errors, not input errors).</summary>
    public async Task<BatchResult> RunAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var scan = await SeriesIntake.ScanAsync(request.InputDirectory, cancellationToken).ConfigureAwait(false);
        var groundTruth = GroundTruthIndex.Build(scan.GroundTruth);
        BatchLog.Scanned(logger, scan.Candidates.Count, groundTruth.Count, scan.Rejected.Count + groundTruth.Rejected.Count, scan.Ignored.Count, request.InputDirectory);
        foreach (var ignored in scan.Ignored)
        {
            BatchLog.Ignored(logger, Path.GetRelativePath(request.InputDirectory, ignored.FilePath)); // relative: folder names in exports can carry patient names
        }
        Directory.CreateDirectory(request.OutputDirectory);
        var outcomes = new List<SeriesOutcome>();
        var quarantineRoot = Path.Combine(request.OutputDirectory, request.QuarantineFolder);
        foreach (var rejection in request.ReportsInputProblems ? scan.Rejected.Concat(groundTruth.Rejected) : [])
        {
            outcomes.Add(await QuarantineAsync(rejection, quarantineRoot, request, cancellationToken).ConfigureAwait(false));
        }

        var toSegment = new List<DicomSeries>();
        foreach (var series in scan.Candidates.Where(s => request.Selects?.Invoke(s) ?? true))
        {
            if (request.Pipeline.Accepts(series.Modality))
            {
                toSegment.Add(series);
                continue;
            }
            var why = $"modality {series.Modality} is not accepted by pipeline '{request.PipelineName}' ({string.Join(", ", request.Pipeline.Modalities)})";
            BatchLog.Skipped(logger, request.SeriesLogName(series.Key), why);
            outcomes.Add(new SeriesOutcome(series.Key, SeriesStatus.Skipped, why, null, null));
        }

        PipelineModels? model = null;
        try
        {
            if (toSegment.Count > 0)
            {
                model = await PipelineModels.CreateAsync(models, request.Pipeline, cancellationToken).ConfigureAwait(false);
            }
            var slicesTotal = toSegment.Sum(s => (long)s.Slices.Count);
            var (done, slicesDone) = (0, 0L);
            foreach (var series in toSegment)
            {
                request.Progress?.Report(new WorkProgress(done, toSegment.Count, slicesDone, slicesTotal, series.Key));
                outcomes.Add(await SegmentAsync(series, model!.Models, request, groundTruth, quarantineRoot, cancellationToken).ConfigureAwait(false));
                (done, slicesDone) = (done + 1, slicesDone + series.Slices.Count);
            }
            request.Progress?.Report(new WorkProgress(done, toSegment.Count, slicesDone, slicesTotal, null));
        }
        finally
        {
            model?.Dispose();
        }
        ClearResolvedQuarantine(quarantineRoot, outcomes);
        var result = new BatchResult(request.InputDirectory, request.OutputDirectory, request.PipelineName, request.Pipeline.Model,
            outcomes, [.. (request.ReportsInputProblems ? scan.Ignored : []).Select(i => $"{i.FilePath}: {i.Reason}")], clock.Elapsed.TotalMilliseconds);
        if (result.NothingFound)
        {
            BatchLog.NothingFound(logger, request.InputDirectory);
        }
        await ReportJson.WriteAsync(Path.Combine(request.OutputDirectory, SummaryFileName), BatchSummary.From(result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Series that succeeded now no longer belong in the quarantine of an earlier run.</summary>
    private void ClearResolvedQuarantine(string quarantineRoot, List<SeriesOutcome> outcomes)
    {
        var succeeded = outcomes.Where(o => o.Status == SeriesStatus.Succeeded).ToList();
        if (succeeded.Count == 0)
        {
            return;
        }
        var keep = outcomes.Where(o => o.Status == SeriesStatus.Failed && o.OutputFolder is not null).Select(o => o.OutputFolder!);
        foreach (var cleared in Quarantine.ClearResolved(quarantineRoot, succeeded.Select(o => o.Name), succeeded.SelectMany(o => o.InputFiles), keep))
        {
            BatchLog.QuarantineCleared(logger, cleared);
        }
    }

    private async Task<SeriesOutcome> SegmentAsync(DicomSeries series, IReadOnlyList<ISegmentationModel> model, BatchRequest request,
        GroundTruthIndex groundTruth, string quarantineRoot, CancellationToken cancellationToken)
    {
        // Named by UID, never by the input folder: export folders are often named after the patient.
        var folder = Path.Combine(request.OutputDirectory, Quarantine.SafeName(series.Key));
        var inputFolder = CommonFolder(series.FilePaths);
        if (OutputFolder.Prepare(folder) is { } blocked)
        {
            return OutputFailure(series, request, blocked, inputFolder);
        }
        try
        {
            var report = await SeriesProcessor.ProcessAsync(series, model, request, groundTruth, folder, cancellationToken).ConfigureAwait(false);
            BatchLog.Segmented(logger, request.SeriesLogName(series.Key), series.Slices.Count, report.TimingsMs.Total);
            foreach (var s in report.GroundTruth?.Segments ?? [])
            {
                BatchLog.Dice(logger, request.SeriesLogName(series.Key), s.Name ?? s.Label.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Dice);
            }
            var volumes = string.Join(", ", report.Segments.Select(s => FormattableString.Invariant($"{s.Label} {s.VolumeMl:F1} ml")));
            return new SeriesOutcome(series.Key, SeriesStatus.Succeeded, volumes, folder, report)
            {
                InputFolder = inputFolder,
                InputFiles = [.. series.FilePaths],
                ReportFile = request.WriteReport ? Path.Combine(folder, SeriesProcessor.ReportFileName) : null,
            };
        }
        catch (Exception e) when (OutputFolder.IsWriteFailure(e, folder))
        {
            return OutputFailure(series, request, $"results could not be written to '{folder}': {e.Message}", inputFolder);
        }
        catch (Exception e) when (e is SegmentationReadBackException or LabelMapOverlapException)
        {
            // Our writer's or the configuration's fault, not the input's: fail the series with the figures, never quarantine its input.
            return OutputFailure(series, request, e.Message, inputFolder);
        }
        catch (Exception e) when (IsInputError(e))
        {
            // One bad series must not stop the batch: record it with its cause and go on.
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
            var message = e is AggregateException a ? string.Join("; ", a.Flatten().InnerExceptions.Select(i => i.Message).Distinct(StringComparer.Ordinal)) : e.Message;
            var rejection = new IntakeRejection(series.Key, $"{series.Modality} series {series.Key}: {message}", [.. series.FilePaths]);
            var outcome = await QuarantineAsync(rejection, quarantineRoot, request, cancellationToken).ConfigureAwait(false) with
            {
                ErrorType = (e is AggregateException { InnerExceptions.Count: > 0 } all ? all.Flatten().InnerExceptions[0] : e).GetType().Name,
            };
            return e is Applicability.ModelNotApplicableException refused ? outcome with { Applicability = refused.Report } : outcome;
        }
    }

    /// <summary>The input is fine; its results could not be written. Reported, never quarantined.</summary>
    private SeriesOutcome OutputFailure(DicomSeries series, BatchRequest request, string reason, string? inputFolder)
    {
        BatchLog.OutputFailed(logger, request.SeriesLogName(series.Key), reason);
        return new SeriesOutcome(series.Key, SeriesStatus.Failed, reason, null, null) { InputFolder = inputFolder, OutputFailed = true };
    }

    /// <summary>The deepest folder that holds every file.</summary>
    private static string? CommonFolder(IEnumerable<string> files)
    {
        string? common = null;
        foreach (var folder in files.Select(Path.GetDirectoryName).OfType<string>())
        {
            common = common is null ? folder : CommonPrefix(common, folder);
        }
        return common;
    }

    private static string CommonPrefix(string a, string b)
    {
        var left = a.Split(Path.DirectorySeparatorChar);
        var right = b.Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < left.Length && n < right.Length && left[n] == right[n])
        {
            n++;
        }
        return string.Join(Path.DirectorySeparatorChar, left[..n]);
    }

    /// <summary>Errors caused by one series' data (parallel loaders wrap them in <see cref="AggregateException"/>).</summary>
    private static bool IsInputError(Exception e) => e is AggregateException a
        ? a.Flatten().InnerExceptions.All(IsInputError)
        : e is DicomException or IOException or InvalidDataException or InvalidOperationException or NotSupportedException
            or ArgumentException or FormatException;

    private async Task<SeriesOutcome> QuarantineAsync(IntakeRejection rejection, string root, BatchRequest request, CancellationToken cancellationToken)
    {
        var inputFolder = CommonFolder(rejection.Files);
        string folder;
        try
        {
            folder = await Quarantine.WriteAsync(root, rejection, request.CopyQuarantinedFiles, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The quarantine itself is output: when it cannot be written the input is still reported with its reason.
            var reason = $"{rejection.Reason} (quarantine could not be written: {e.Message})";
            BatchLog.Quarantined(logger, rejection.Name, reason);
            return new SeriesOutcome(rejection.Name, SeriesStatus.Failed, reason, null, null) { InputFolder = inputFolder, InputFiles = rejection.Files };
        }
        BatchLog.Quarantined(logger, rejection.Name, rejection.Reason);
        return new SeriesOutcome(rejection.Name, SeriesStatus.Failed, rejection.Reason, folder, null) { InputFolder = inputFolder, InputFiles = rejection.Files };
    }
}
