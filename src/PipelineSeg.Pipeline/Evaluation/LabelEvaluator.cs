using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
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
        var truthSide = new LabelVolumeSide(truth, truth.DeclaredLabels());
        var (comparison, note) = request.Binary || request.Label is not null || (prediction.SegmentMasks is null && truth.SegmentMasks is null)
            ? LabelPairing.Decide(NonZero(predicted), truthSide.Values, truthSide.IsLabelMap, request.Binary, request.Label)
            : (LabelComparison.Labels, null);
        var report = await Task.Run(() => comparison == LabelComparison.Labels
            ? Score(prediction, truth, predicted, relation, options, cancellationToken)
            : SegmentationEvaluator.Evaluate(
                [LabelPairing.Pair(comparison, request.Label, predicted, l => OnGrid(prediction.MaskOf(l), truth.Labels, relation), truthSide)],
                options, cancellationToken), cancellationToken).ConfigureAwait(false);
        var (onlyPredicted, onlyTruth) = LabelPairing.OneSided(report);
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
        }
        if (onlyPredicted.Count > 0)
        {
            notes.Add($"label(s) {string.Join(", ", onlyPredicted)} only in the prediction (no ground-truth voxel): scored as false positives");
        }
        if (onlyTruth.Count > 0)
        {
            notes.Add($"label(s) {string.Join(", ", onlyTruth)} only in the ground truth (no predicted voxel): scored as missed");
        }
        return new LabelEvaluationResult(request.Prediction, request.GroundTruth, truth.Labels.Size, truth.Labels.Geometry.Spacing,
            relation, report)
        {
            Comparison = comparison,
            Notes = notes,
            LabelsOnlyInPrediction = onlyPredicted,
            LabelsOnlyInGroundTruth = onlyTruth,
        };
    }

    private static IReadOnlyList<int> NonZero(Volume<byte> labels) => [.. LabelMasks.Present(labels).Where(l => l != 0)];

    private static Volume<byte> OnGrid(Volume<byte> mask, Volume<byte> grid, GridRelation relation) =>
        relation == GridRelation.Same ? mask : GridAlignment.OntoGrid(mask, grid);

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
            return new MaskPair(label, options.LabelNames?.GetValueOrDefault(label),
                OnGrid(prediction.MaskOf(label), truth.Labels, relation), truth.MaskOf(label));
        }).ToList();
        return SegmentationEvaluator.Evaluate(pairs, options, cancellationToken);
    }
}
