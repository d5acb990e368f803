using System.Diagnostics;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.GroundTruth.Sweep;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// Segments one series through the pipeline's slab stages (source, pre-processing, inference, smoothing, labelling,
/// clean-up), writes the DICOM-SEG (unless the outputs leave it out), scores against ground truth when a SEG in the input
/// references the series, runs the request's result writers (RTSTRUCT, overlays, NIfTI…) and writes report.json naming
/// every file written.
/// </summary>
public static class SeriesProcessor
{
    /// <summary>File name of the DICOM-SEG in each result folder.</summary>
    public const string SegFileName = "segmentation.dcm";

    /// <summary>File name of the report in each result folder.</summary>
    public const string ReportFileName = "report.json";

    /// <summary>Processes <paramref name="series"/> into <paramref name="folder"/>; throws when it cannot.</summary>
    /// <param name="series">The series to segment.</param>
    /// <param name="models">The pipeline's models (<see cref="Definitions.PipelineDefinition.ModelIds"/> order); the first names the report and SEG.</param>
    /// <param name="request">Batch settings and the pipeline definition.</param>
    /// <param name="groundTruth">Ground-truth SEGs found in the input.</param>
    /// <param name="folder">Result folder of this series.</param>
    /// <param name="cancellationToken">Cancels between slabs.</param>
    public static async Task<SeriesReport> ProcessAsync(DicomSeries series, IReadOnlyList<ISegmentationModel> models, BatchRequest request,
        GroundTruthIndex groundTruth, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        // Before anything heavy: a grey model refuses a colour series, the model card may refuse it (ModelNotApplicableException, quarantined).
        ColourInput.Require(series, models.Select(m => m.Manifest));
        var applicability = ApplicabilityGate.BeforeInference(series, models[0].Manifest, request.Pipeline, cancellationToken);
        var pipeline = SlabPipelineFactory.Create(request.Pipeline, models, request.SlicesPerBatch);
        var source = new DicomVolumeSource(series);
        var classes = models[0].Manifest.Output.Classes;
        // Ground truth is placed before inference so the threshold sweep can count it while the probabilities exist.
        var placing = Stopwatch.StartNew();
        var placement = groundTruth.For(series.SeriesInstanceUid) is { } annotation ? GroundTruthScorer.Place(annotation, series, classes) : null;
        var placeMs = placing.Elapsed.TotalMilliseconds; // counted as evaluation time; the sweep's counting is post-processing
        var sweep = placement is { Matched.Count: > 0 }
            ? new ThresholdSweepAccumulator(source.Grid, classes, placement, ReportThresholdSweep.Standard, pipeline.ModelPixelSpacingMm)
            : null;
        // The critic judges the model input the pipeline prepares, kept for the slices it will need: the series is read once.
        var critic = placement is { Matched.Count: > 0 } && models[0].Critic is { } modelCritic
            ? new CriticScorer(modelCritic, models[0].Manifest, source.Grid, placement)
            : null;
        var segmentation = await pipeline.RunAsync(source, sweep is null ? [] : [sweep], critic is null ? [] : [critic], cancellationToken).ConfigureAwait(false);
        var (loadMs, inferenceMs, postMs) = (segmentation.Timings.SourceMs, segmentation.Timings.InferenceMs, segmentation.Timings.PostprocessingMs);
        stage.Restart();

        var manifest = models[0].Manifest;
        var labels = segmentation.Labels;
        var verdict = ApplicabilityGate.AfterInference(applicability, labels, manifest);

        Directory.CreateDirectory(folder);
        var outputs = new List<ReportOutput>();
        ReportSegmentation? segReport = null;
        if (request.WriteSeg)
        {
            var output = SegmentationOutput.Write(Path.Combine(folder, SegFileName), series, labels, manifest, request.Pipeline.SeriesDescription,
                ApplicabilityNote.For(verdict), request.EmptySegments, request.Pipeline.SegEncoding, request.SegCompression);
            var seg = output.Written;
            segReport = new ReportSegmentation(SegFileName, seg.SopInstanceUid, seg.SeriesInstanceUid, seg.NumberOfFrames, output.DroppedEmptySegments);
            List<string> segFiles = [SegFileName];
            if (segmentation.Spread is { } spread)
            {
                // Std of each class probability over the passes, scaled so std 0.5 (the most a probability can have) is 1.0.
                FractionalSegmentationOutput.Write(Path.Combine(folder, FractionalSegmentationOutput.UncertaintyFileName), series, spread, manifest,
                    new FractionalSegmentationContent($"{request.Pipeline.SeriesDescription[..Math.Min(request.Pipeline.SeriesDescription.Length, 52)]} uncertainty", "UNCERTAINTY", OutputSeriesNumbers.Uncertainty, ApplicabilityNote.For(verdict)));
                segFiles.Add(FractionalSegmentationOutput.UncertaintyFileName);
            }
            outputs.Add(new ReportOutput(OutputNames.Seg, segFiles));
        }
        if (segmentation.Probabilities is { } probabilities)
        {
            FractionalSegmentationOutput.Write(Path.Combine(folder, FractionalSegmentationOutput.ProbabilityFileName), series, probabilities, manifest,
                new FractionalSegmentationContent($"{request.Pipeline.SeriesDescription[..Math.Min(request.Pipeline.SeriesDescription.Length, 52)]} probability", "PROBABILITY", 303, ApplicabilityNote.For(verdict)));
        }
        var writeMs = Lap(stage);

        ReportGroundTruth? truth = null;
        GroundTruthScore? score = null;
        if (placement is not null)
        {
            score = GroundTruthScorer.Score(placement, labels, manifest.Output.Classes, cancellationToken);
            truth = new ReportGroundTruth(score.File, score.Segments, score.Unmatched, sweep?.Result())
            {
                CriticDistance = critic is not null && score.Pairs is { } pairs ? critic.Score(pairs, cancellationToken) : null,
            };
        }
        var evaluateMs = placeMs + Lap(stage);

        var voxelMl = labels.Geometry.Spacing.X * labels.Geometry.Spacing.Y * labels.Geometry.Spacing.Z / 1000.0;
        var counts = new long[256];
        foreach (var v in labels.Span)
        {
            counts[v]++;
        }
        var spacing = labels.Geometry.Spacing;
        var report = new SeriesReport(
            $"PipelineSeg {typeof(SeriesProcessor).Assembly.GetName().Version}",
            DateTimeOffset.UtcNow,
            new ReportSeries(series.StudyInstanceUid, series.SeriesInstanceUid, series.Modality, series.SeriesNumber, series.Slices.Count,
                series.Rows, series.Columns, [spacing.X, spacing.Y, spacing.Z], series.TransferSyntaxUids, series.Slices.Count),
            new ReportPipeline(request.PipelineName, request.Pipeline.Threshold ?? models[0].Manifest.Output.DefaultThreshold ?? PipelineDefinition.DefaultThreshold, request.Pipeline.KeepLargestComponentOf, request.Pipeline.MinimumComponentMl),
            new ReportModel(manifest.Id, manifest.Name, manifest.Version, manifest.Family, manifest.Input.Width, manifest.Input.Height, Members(models, request.Pipeline)),
            segReport,
            [.. manifest.Output.Classes.Where(c => !c.IsBackground).Select(c => WithUncertainty(ReportSegment.Of(c, manifest.Output.Classes, counts, voxelMl), c, manifest.Output.Classes, labels, segmentation))],
            new ReportTimings(loadMs, inferenceMs, postMs, writeMs, evaluateMs, total.Elapsed.TotalMilliseconds),
            truth,
            verdict);
        var context = new SeriesResultContext(series, labels, manifest, request.PipelineName, request.Pipeline, report, folder)
        {
            Note = ApplicabilityNote.For(verdict),
            GroundTruth = score?.Pairs,
            Spread = segmentation.Spread,
        };
        stage.Restart();
        foreach (var writer in request.ResultWriters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outputs.Add(new ReportOutput(writer.Name, await writer.WriteAsync(context, cancellationToken).ConfigureAwait(false)));
        }
        // The result writers count as writing time.
        report = report with { Outputs = outputs, TimingsMs = report.TimingsMs with { Write = writeMs + Lap(stage), Total = total.Elapsed.TotalMilliseconds } };
        if (request.WriteReport)
        {
            await ReportJson.WriteAsync(Path.Combine(folder, ReportFileName), report, cancellationToken).ConfigureAwait(false);
        }
        return report;
    }

    /// <summary>Adds the segment's uncertainty figures when the pipeline ran Monte-Carlo passes.</summary>
    private static ReportSegment WithUncertainty(ReportSegment segment, SegmentClass segmentClass, IReadOnlyList<SegmentClass> classes,
        Imaging.Volume<byte> labels, SegmentationResult segmentation)
    {
        var map = segmentation.Spread?.FirstOrDefault(m => m.Class.Index == segmentClass.Index).Map;
        return map is not null && SegmentUncertainty.Of(segmentClass, classes, labels, map) is { } figures
            ? segment with { MeanUncertainty = figures.Mean, UncertainFraction = figures.UncertainFraction }
            : segment;
    }

    /// <summary>Every model averaged, with its normalised weight (equal when the pipeline gives none).</summary>
    private static List<ReportModelMember> Members(IReadOnlyList<ISegmentationModel> models, PipelineDefinition pipeline)
    {
        var weights = pipeline.Inference.EnsembleWeights;
        var total = weights.Count == models.Count ? weights.Sum() : models.Count;
        return [.. models.Select((m, i) => new ReportModelMember(m.Manifest.Id, m.Manifest.Version, (weights.Count == models.Count ? weights[i] : 1) / total))];
    }

    private static double Lap(Stopwatch stopwatch)
    {
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        return ms;
    }
}
