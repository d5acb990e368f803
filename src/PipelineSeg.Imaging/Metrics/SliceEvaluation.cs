namespace PipelineSeg.Imaging.Metrics;

/// <summary>Overlap metrics of one label on one z slice, and its 2D surface distances (mm) when computed; null = undefined, reason in <see cref="Undefined"/>.</summary>
public sealed record SliceEvaluation(
    int Z,
    long PredictedVoxels,
    long GroundTruthVoxels,
    double Dice,
    double IoU,
    double? Sensitivity,
    double? Precision,
    double? Hausdorff,
    double? Hausdorff95,
    double? AverageSymmetricSurfaceDistance,
    IReadOnlyDictionary<string, string> Undefined)
{
    /// <summary>Builds the record from counts and 2D surface metrics of the slice (null when not computed).</summary>
    public static SliceEvaluation From(int z, ConfusionCounts c, SurfaceMetrics? surface, bool surfaceComputed)
    {
        // only the keys a slice carries
        var reasons = UndefinedReasons.For(c, surface, surfaceComputed)
            .Where(r => r.Key is not (MetricKeys.Specificity or MetricKeys.F1 or MetricKeys.RelativeVolumeDifference))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return new(z, c.PredictedVoxels, c.GroundTruthVoxels, c.Dice, c.IoU, c.Sensitivity, c.Precision,
            surface?.Hausdorff, surface?.Hausdorff95, surface?.AverageSymmetricSurfaceDistance, reasons);
    }
}
