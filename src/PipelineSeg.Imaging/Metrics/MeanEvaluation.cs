namespace PipelineSeg.Imaging.Metrics;

/// <summary>Averages over the reported labels (background left out when asked); each mean skips undefined values.</summary>
public sealed record MeanEvaluation(
    IReadOnlyList<int> Labels,
    double? Dice,
    double? IoU,
    double? GeneralizedJaccard,
    double? Sensitivity,
    double? Specificity,
    double? Precision,
    double? F1,
    double? Hausdorff,
    double? Hausdorff95,
    double? AverageSymmetricSurfaceDistance)
{
    /// <summary>Averages the given segments.</summary>
    public static MeanEvaluation Of(IReadOnlyList<SegmentEvaluation> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        static double? Mean(IEnumerable<double?> values)
        {
            var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            return defined.Count == 0 ? null : defined.Average();
        }
        return new MeanEvaluation(
            segments.Select(s => s.Label).ToList(),
            Mean(segments.Select(s => (double?)s.Dice)),
            Mean(segments.Select(s => (double?)s.IoU)),
            Mean(segments.Select(s => (double?)s.GeneralizedJaccard)),
            Mean(segments.Select(s => s.Sensitivity)),
            Mean(segments.Select(s => s.Specificity)),
            Mean(segments.Select(s => s.Precision)),
            Mean(segments.Select(s => s.F1)),
            Mean(segments.Select(s => s.Hausdorff)),
            Mean(segments.Select(s => s.Hausdorff95)),
            Mean(segments.Select(s => s.AverageSymmetricSurfaceDistance)));
    }
}
