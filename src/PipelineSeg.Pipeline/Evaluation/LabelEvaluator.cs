using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>Reads a prediction and a ground truth, checks (or matches) their grids and computes every metric per segment.</summary>
public static class LabelEvaluator
{
    /// <summary>Runs the evaluation; throws <see cref="GeometryMismatchException"/> naming both files when grids differ and resampling is off.</summary>
    public static async Task<LabelEvaluationResult> EvaluateAsync(LabelEvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // a DICOM-SEG is placed on the other side's grid, so read the non-SEG side first
        LabelVolume truth, prediction;
        if (await LabelVolumeReader.IsSegmentationAsync(request.GroundTruth, cancellationToken).ConfigureAwait(false)
            && !await LabelVolumeReader.IsSegmentationAsync(request.Prediction, cancellationToken).ConfigureAwait(false))
        {
            prediction = await LabelVolumeReader.ReadAsync(request.Prediction, null, cancellationToken).ConfigureAwait(false);
            truth = await LabelVolumeReader.ReadAsync(request.GroundTruth, prediction.Labels, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            truth = await LabelVolumeReader.ReadAsync(request.GroundTruth, null, cancellationToken).ConfigureAwait(false);
            prediction = await LabelVolumeReader.ReadAsync(request.Prediction, truth.Labels, cancellationToken).ConfigureAwait(false);
        }

        var relation = GridAlignment.Compare(prediction.Labels, truth.Labels);
        var predicted = relation switch
        {
            GridRelation.Same => prediction.Labels,
            GridRelation.Reoriented => GridAlignment.OntoGrid(prediction.Labels, truth.Labels),
            _ when request.Resample => GridAlignment.OntoGrid(prediction.Labels, truth.Labels),
            _ => throw new GeometryMismatchException(
                $"prediction '{request.Prediction}' ({prediction.Labels.Size}, {prediction.Labels.Geometry}) and ground truth " +
                $"'{request.GroundTruth}' ({truth.Labels.Size}, {truth.Labels.Geometry}) are on different voxel grids; " +
                "pass --resample to resample the prediction onto the ground truth (nearest neighbour)"),
        };
        var names = new Dictionary<int, string>();
        foreach (var (k, v) in truth.SegmentNames.Concat(prediction.SegmentNames))
        {
            names.TryAdd(k, v);
        }
        var options = new EvaluationOptions
        {
            ReportBackground = request.IncludeBackground,
            ExcludeBackgroundFromMean = true,
            SurfaceDistances = request.SurfaceDistances,
            PerSlice = request.PerSlice,
            LabelNames = names,
        };
        var report = await Task.Run(() => Score(prediction, truth, predicted, relation, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new LabelEvaluationResult(request.Prediction, request.GroundTruth, truth.Labels.Size, truth.Labels.Geometry.Spacing,
            relation, report);
    }

    // Label maps are exclusive and scored in one pass; a SEG on either side is scored segment by segment on its own
    // (possibly overlapping) masks, exactly as batch scores a prediction against a ground-truth SEG.
    private static EvaluationReport Score(LabelVolume prediction, LabelVolume truth, Volume<byte> predicted, GridRelation relation,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        if (prediction.SegmentMasks is null && truth.SegmentMasks is null)
        {
            return SegmentationEvaluator.Evaluate(predicted, truth.Labels, options, cancellationToken);
        }
        var labels = prediction.DeclaredLabels().Union(truth.DeclaredLabels()).Order().ToList();
        if (options.ReportBackground)
        {
            labels.Insert(0, 0);
        }
        var pairs = labels.Select(label =>
        {
            var mask = prediction.MaskOf(label);
            var onGrid = relation == GridRelation.Same ? mask : GridAlignment.OntoGrid(mask, truth.Labels);
            return new MaskPair(label, options.LabelNames?.GetValueOrDefault(label), onGrid, truth.MaskOf(label));
        }).ToList();
        return SegmentationEvaluator.Evaluate(pairs, options, cancellationToken);
    }
}
