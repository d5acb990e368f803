namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// Why a metric is undefined, keyed by <see cref="MetricKeys"/>: a null metric is always reported with its reason,
/// never as 0 and never left out.
/// </summary>
public static class UndefinedReasons
{
    /// <summary>No ground-truth voxel of the segment.</summary>
    public const string EmptyGroundTruth = "empty ground-truth segment";
    /// <summary>No predicted voxel of the segment.</summary>
    public const string EmptyPrediction = "empty predicted segment";
    /// <summary>Both empty.</summary>
    public const string BothEmpty = "empty predicted and ground-truth segments";
    /// <summary>Every voxel belongs to the ground-truth segment.</summary>
    public const string NoGroundTruthBackground = "no ground-truth voxel outside the segment";
    /// <summary>Surface distances switched off.</summary>
    public const string NotComputed = "not computed (surface distances off)";
    /// <summary>A mean over segments none of which defines the metric.</summary>
    public const string NoSegmentDefinesIt = "undefined for every averaged segment";

    /// <summary>The reasons for every undefined metric of one segment (or slice) with these counts.</summary>
    public static IReadOnlyDictionary<string, string> For(ConfusionCounts c, SurfaceMetrics? surface, bool surfaceComputed)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var side = c.PredictedVoxels == 0 && c.GroundTruthVoxels == 0 ? BothEmpty
            : c.GroundTruthVoxels == 0 ? EmptyGroundTruth
            : c.PredictedVoxels == 0 ? EmptyPrediction
            : null;
        if (c.Sensitivity is null)
        {
            reasons[MetricKeys.Sensitivity] = EmptyGroundTruth;
            reasons[MetricKeys.RelativeVolumeDifference] = EmptyGroundTruth;
        }
        if (c.Specificity is null)
        {
            reasons[MetricKeys.Specificity] = NoGroundTruthBackground;
        }
        if (c.Precision is null)
        {
            reasons[MetricKeys.Precision] = EmptyPrediction;
        }
        if (c.F1 is null)
        {
            reasons[MetricKeys.F1] = side ?? EmptyPrediction;
        }
        if (!surfaceComputed || surface?.Hausdorff is null)
        {
            var why = !surfaceComputed ? NotComputed : side ?? "no surface voxel";
            reasons[MetricKeys.HausdorffMm] = why;
            reasons[MetricKeys.Hausdorff95Mm] = why;
            reasons[MetricKeys.AssdMm] = why;
        }
        return reasons;
    }
}
