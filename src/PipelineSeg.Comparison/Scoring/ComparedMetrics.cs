using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Comparison.Scoring;

/// <summary>The metrics <c>compare</c> tabulates, under the one vocabulary's keys (<see cref="MetricKeys"/>, docs/metrics.md), in table order.</summary>
public static class ComparedMetrics
{
    /// <summary>Key and value of each compared metric; a null value is undefined for that case (left out of mean and SD).</summary>
    public static IReadOnlyList<(string Key, Func<SegmentEvaluation, double?> Value)> All { get; } =
    [
        (MetricKeys.PixelAccuracy, m => m.PixelAccuracy),
        (MetricKeys.Sensitivity, m => m.Sensitivity),
        (MetricKeys.Specificity, m => m.Specificity),
        (MetricKeys.Iou, m => m.IoU),
        (MetricKeys.Dice, m => m.Dice),
        (MetricKeys.GeneralizedJaccard, m => m.GeneralizedJaccard),
        (MetricKeys.HausdorffMm, m => m.Hausdorff),
        (MetricKeys.Hausdorff95Mm, m => m.Hausdorff95),
    ];

    /// <summary>The keys, in table order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(m => m.Key)];

    /// <summary>True for metrics in [0, 1] (higher is better); false for distances in mm.</summary>
    public static bool IsRatio(string key) => key is not (MetricKeys.HausdorffMm or MetricKeys.Hausdorff95Mm);
}
