namespace PipelineSeg.Comparison.Scoring;

/// <summary>One row of comparison.csv: a model at a threshold, over <see cref="Cases"/> cases, every compared metric summarised.</summary>
public sealed record ThresholdSummary(string Model, double Threshold, int Cases, IReadOnlyDictionary<string, MetricSummary> Metrics)
{
    /// <summary>The rows of <paramref name="scores"/>: models in first-seen order, thresholds ascending.</summary>
    public static IReadOnlyList<ThresholdSummary> Of(IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var models = scores.Select(s => s.Model).Distinct(StringComparer.Ordinal).ToList();
        return [.. models.SelectMany(model => scores.Where(s => s.Model == model)
            .GroupBy(s => s.Threshold)
            .OrderBy(g => g.Key)
            .Select(g => new ThresholdSummary(model, g.Key, g.Count(),
                ComparedMetrics.All.ToDictionary(m => m.Key, m => MetricSummary.Of(g.Select(s => m.Value(s.Metrics))), StringComparer.Ordinal))))];
    }
}
