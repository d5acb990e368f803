namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// All metrics of one label (segment), in the vocabulary of <see cref="MetricKeys"/>. Distances in mm, volumes in mL;
/// null = not defined, with the reason in <see cref="Undefined"/> (keyed by metric key).
/// </summary>
public sealed record SegmentEvaluation(
    int Label,
    string? Name,
    long PredictedVoxels,
    long GroundTruthVoxels,
    double VolumeMl,
    double GroundTruthVolumeMl,
    double Dice,
    double IoU,
    double GeneralizedJaccard,
    double PixelAccuracy,
    double? Sensitivity,
    double? Specificity,
    double? Precision,
    double? F1,
    double? RelativeVolumeDifference,
    double VolumeDifferenceMl,
    double? Hausdorff,
    double? Hausdorff95,
    double? AverageSymmetricSurfaceDistance,
    IReadOnlyDictionary<string, string> Undefined,
    IReadOnlyList<SliceEvaluation>? Slices)
{
    /// <summary>
    /// Builds the record from counts and surface metrics (null when not computed). On hard (0/1) masks the
    /// generalised Jaccard Σ min / Σ max equals IoU.
    /// </summary>
    public static SegmentEvaluation From(int label, string? name, ConfusionCounts c, double voxelVolumeMl, SurfaceMetrics? surface, IReadOnlyList<SliceEvaluation>? slices) =>
        new(label, name, c.PredictedVoxels, c.GroundTruthVoxels, c.PredictedVoxels * voxelVolumeMl, c.GroundTruthVoxels * voxelVolumeMl,
            c.Dice, c.IoU, c.IoU, c.PixelAccuracy, c.Sensitivity, c.Specificity,
            c.Precision, c.F1, c.RelativeVolumeDifference, (c.PredictedVoxels - c.GroundTruthVoxels) * voxelVolumeMl,
            surface?.Hausdorff, surface?.Hausdorff95, surface?.AverageSymmetricSurfaceDistance,
            UndefinedReasons.For(c, surface, surface is not null), slices);

    /// <summary>The same metrics under another label and name (a mask pair scored as label 1).</summary>
    public SegmentEvaluation As(int label, string? name) => this with { Label = label, Name = name };
}
