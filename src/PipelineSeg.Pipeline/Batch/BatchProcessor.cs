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
            BatchLog.Ignored(logger, ignored.FilePath);
        }
        Directory.CreateDirectory(request.OutputDirectory);
        var outcomes = new List<SeriesOutcome>();
        var quarantineRoot = Path.Combine(request.OutputDirectory, request.QuarantineFolder);
        foreach (var rejection in scan.Rejected.Concat(groundTruth.Rejected))
        {
            outcomes.Add(await QuarantineAsync(rejection, quarantineRoot, request, cancellationToken).ConfigureAwait(false));
        }

        var toSegment = new List<DicomSeries>();
        foreach (var series in scan.Candidates)
        {
            if (request.Pipeline.Accepts(series.Modality))
            {
                toSegment.Add(series);
                continue;
            }
            var why = $"modality {series.Modality} is not accepted by pipeline '{request.PipelineName}' ({string.Join(", ", request.Pipeline.Modalities)})";
            BatchLog.Skipped(logger, series.Key, why);
            outcomes.Add(new SeriesOutcome(series.Key, SeriesStatus.Skipped, why, null, null));
        }

        ISegmentationModel? model = null;
        try
        {
            if (toSegment.Count > 0)
            {
                model = await models.CreateAsync(request.Pipeline.Model, cancellationToken).ConfigureAwait(false);
            }
            foreach (var series in toSegment)
            {
                outcomes.Add(await SegmentAsync(series, model!, request, groundTruth, quarantineRoot, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            model?.Dispose();
        }
        var result = new BatchResult(request.InputDirectory, request.OutputDirectory, request.PipelineName, request.Pipeline.Model,
            outcomes, [.. scan.Ignored.Select(i => $"{i.FilePath}: {i.Reason}")], clock.Elapsed.TotalMilliseconds);
        await ReportJson.WriteAsync(Path.Combine(request.OutputDirectory, SummaryFileName), result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<SeriesOutcome> SegmentAsync(DicomSeries series, ISegmentationModel model, BatchRequest request,
        GroundTruthIndex groundTruth, string quarantineRoot, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(request.OutputDirectory, Quarantine.SafeName(series.Key));
        try
        {
            var report = await SeriesProcessor.ProcessAsync(series, model, request, groundTruth, folder, cancellationToken).ConfigureAwait(false);
            BatchLog.Segmented(logger, series.Key, series.Slices.Count, report.TimingsMs.Total);
            foreach (var s in report.GroundTruth?.Segments.Concat(report.GroundTruth.Groups) ?? [])
            {
                BatchLog.Dice(logger, series.Key, s.Name ?? s.Label.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Dice);
            }
            var volumes = string.Join(", ", report.Segments.Select(s => FormattableString.Invariant($"{s.Label} {s.VolumeMl:F1} ml")));
            return new SeriesOutcome(series.Key, SeriesStatus.Succeeded, volumes, folder, report);
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
            var outcome = await QuarantineAsync(rejection, quarantineRoot, request, cancellationToken).ConfigureAwait(false);
            return e is Applicability.ModelNotApplicableException refused ? outcome with { Applicability = refused.Report } : outcome;
        }
    }

    /// <summary>Errors caused by one series' data (parallel loaders wrap them in <see cref="AggregateException"/>).</summary>
    private static bool IsInputError(Exception e) => e is AggregateException a
        ? a.Flatten().InnerExceptions.All(IsInputError)
        : e is DicomException or IOException or InvalidDataException or InvalidOperationException or NotSupportedException
            or ArgumentException or FormatException;

    private async Task<SeriesOutcome> QuarantineAsync(IntakeRejection rejection, string root, BatchRequest request, CancellationToken cancellationToken)
    {
        var folder = await Quarantine.WriteAsync(root, rejection, request.CopyQuarantinedFiles, cancellationToken).ConfigureAwait(false);
        BatchLog.Quarantined(logger, rejection.Name, rejection.Reason);
        return new SeriesOutcome(rejection.Name, SeriesStatus.Failed, rejection.Reason, folder, null);
    }
}
