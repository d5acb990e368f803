namespace PipelineSeg.Imaging.Metrics;

/// <summary>Overlap metrics of one label on one z slice, and its 2D surface distances (mm) when computed.</summary>
public sealed record SliceEvaluation(
    int Z,
    long PredictedVoxels,
    long GroundTruthVoxels,
    double Dice,
    double IoU,
    double? Sensitivity,
    double? Precision,
    double? Hausdorff = null,
    double? Hausdorff95 = null,
    double? AverageSymmetricSurfaceDistance = null)
{
    /// <summary>Builds the record from counts and optional 2D surface metrics of the slice.</summary>
    public static SliceEvaluation From(int z, ConfusionCounts c, SurfaceMetrics? surface = null) =>
        new(z, c.PredictedVoxels, c.GroundTruthVoxels, c.Dice, c.IoU, c.Sensitivity, c.Precision,
            surface?.Hausdorff, surface?.Hausdorff95, surface?.AverageSymmetricSurfaceDistance);
}
