namespace PipelineSeg.Imaging.Metrics;

/// <summary>All metrics of one label (segment). Distances in mm, volumes in ml; null = not defined.</summary>
public sealed record SegmentEvaluation(
    int Label,
    string? Name,
    long PredictedVoxels,
    long GroundTruthVoxels,
    double Dice,
    double IoU,
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
    IReadOnlyList<SliceEvaluation>? Slices)
{
    /// <summary>Builds the record from counts and optional surface metrics.</summary>
    public static SegmentEvaluation From(int label, string? name, ConfusionCounts c, double voxelVolumeMl, SurfaceMetrics? surface, IReadOnlyList<SliceEvaluation>? slices) =>
        new(label, name, c.PredictedVoxels, c.GroundTruthVoxels, c.Dice, c.IoU, c.PixelAccuracy, c.Sensitivity, c.Specificity,
            c.Precision, c.F1, c.RelativeVolumeDifference, (c.PredictedVoxels - c.GroundTruthVoxels) * voxelVolumeMl,
            surface?.Hausdorff, surface?.Hausdorff95, surface?.AverageSymmetricSurfaceDistance, slices);
}
