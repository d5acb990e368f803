using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Comparison.Scoring;

/// <summary>
/// Scores one case: the model's probability map of the compared segment binarised at each threshold (foreground where
/// p &gt; t, as <c>evaluate --sweep</c>) against the ground truth, by the one scorer. <c>generalizedJaccard</c> is the soft
/// Jaccard Σ min(p, g) / Σ max(p, g) of the probability map itself, the same at every threshold. A 2-D case's surface
/// distances are in-plane (medpy on a 2-D array); a volume's are 3-D, exactly as <c>evaluate</c>.
/// </summary>
public static class CaseScorer
{
    /// <summary>One entry per threshold, in the order given; <paramref name="truth"/> holds 1 for ground truth.</summary>
    public static IReadOnlyList<(double Threshold, SegmentEvaluation Metrics)> Score(Volume<float> probability, Volume<byte> truth,
        IReadOnlyList<double> thresholds, bool planar)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (probability.Size != truth.Size)
        {
            throw new ArgumentException($"probability {probability.Size} and ground truth {truth.Size} differ in size");
        }
        var soft = SoftJaccard.Compute(probability.Span, truth.Span);
        var scored = planar ? [.. thresholds.Select(t => (t, Planar(ThresholdSweep.Binarize(probability, t), truth)))] : ThresholdSweep.Run(probability, truth, 1, thresholds);
        return [.. scored.Select(s => (s.Threshold, s.Metrics with { GeneralizedJaccard = soft }))];
    }

    private static SegmentEvaluation Planar(Volume<byte> prediction, Volume<byte> truth)
    {
        if (prediction.Depth != 1)
        {
            throw new ArgumentException($"a 2-D case has one slice, got {prediction.Depth}", nameof(prediction));
        }
        var spacing = truth.Geometry.Spacing;
        var counts = ConfusionMatrix.Count(prediction, truth).For(1);
        var surface = SurfaceDistance.ComputePerSlice(prediction, truth, 1)[0] ?? SurfaceMetrics.Undefined(0, 0);
        return SegmentEvaluation.From(1, null, counts, spacing.X * spacing.Y * spacing.Z / 1000.0, surface, null);
    }
}
