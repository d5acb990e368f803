using System.Diagnostics;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// Segments one series: load (rescaled HU), infer slice by slice, threshold and clean up, write the DICOM-SEG and
/// report.json, and score against ground truth when a SEG in the input references the series.
/// </summary>
public static class SeriesProcessor
{
    /// <summary>File name of the DICOM-SEG in each result folder.</summary>
    public const string SegFileName = "segmentation.dcm";

    /// <summary>File name of the report in each result folder.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>Processes <paramref name="series"/> into <paramref name="folder"/>; throws when it cannot.</summary>
    public static async Task<SeriesReport> ProcessAsync(DicomSeries series, ISegmentationModel model, BatchRequest request,
        GroundTruthIndex groundTruth, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        // Before anything heavy: the model card may refuse the series (ModelNotApplicableException, quarantined).
        var applicability = ApplicabilityGate.BeforeInference(series, model.Manifest, request.Pipeline, cancellationToken);
        var hounsfield = await DicomVolumeLoader.LoadImageAsync(series, cancellationToken).ConfigureAwait(false);
        var loadMs = Lap(stage);

        var probabilities = SliceInference.Run(hounsfield, model, request.SlicesPerBatch, cancellationToken);
        var inferenceMs = Lap(stage);

        var manifest = model.Manifest;
        var labels = LabelMapBuilder.ArgmaxWithThreshold(probabilities, request.Pipeline.Threshold);
        LabelMapCleanup.Apply(labels, manifest.Output.Classes, request.Pipeline);
        var verdict = ApplicabilityGate.AfterInference(applicability, labels, manifest);
        var postMs = Lap(stage);

        Directory.CreateDirectory(folder);
        var seg = SegmentationOutput.Write(Path.Combine(folder, SegFileName), series, labels, manifest, request.Pipeline.SeriesDescription, ApplicabilityNote.For(verdict));
        var writeMs = Lap(stage);

        ReportGroundTruth? truth = null;
        if (groundTruth.For(series.SeriesInstanceUid) is { } annotation)
        {
            var score = GroundTruthScorer.Score(annotation, series, labels, manifest.Output.Classes, request.Pipeline.KeepLargestComponentOf, cancellationToken);
            truth = new ReportGroundTruth(score.File, score.Segments, score.Groups, score.Unmatched);
        }
        var evaluateMs = Lap(stage);

        var voxelMl = hounsfield.Geometry.Spacing.X * hounsfield.Geometry.Spacing.Y * hounsfield.Geometry.Spacing.Z / 1000.0;
        var counts = new long[256];
        foreach (var v in labels.Span)
        {
            counts[v]++;
        }
        var spacing = hounsfield.Geometry.Spacing;
        var report = new SeriesReport(
            $"PipelineSeg {typeof(SeriesProcessor).Assembly.GetName().Version}",
            DateTimeOffset.UtcNow,
            new ReportSeries(series.StudyInstanceUid, series.SeriesInstanceUid, series.Modality, series.SeriesNumber, series.Slices.Count,
                series.Rows, series.Columns, [spacing.X, spacing.Y, spacing.Z], series.TransferSyntaxUids, series.Slices.Count),
            new ReportPipeline(request.PipelineName, request.Pipeline.Threshold, request.Pipeline.KeepLargestComponentOf, request.Pipeline.MinimumComponentMl),
            new ReportModel(manifest.Id, manifest.Name, manifest.Version, manifest.Family, manifest.Input.Width, manifest.Input.Height),
            new ReportSegmentation(SegFileName, seg.SopInstanceUid, seg.SeriesInstanceUid, seg.NumberOfFrames),
            [.. manifest.Output.Classes.Where(c => !c.IsBackground).Select(c => new ReportSegment(c.Index, c.Label, counts[c.Index], counts[c.Index] * voxelMl))],
            new ReportTimings(loadMs, inferenceMs, postMs, writeMs, evaluateMs, total.Elapsed.TotalMilliseconds),
            truth,
            verdict);
        if (request.WriteReport)
        {
            await ReportJson.WriteAsync(Path.Combine(folder, ReportFileName), report, cancellationToken).ConfigureAwait(false);
        }
        return report;
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
