namespace PipelineSeg.Comparison.Scoring;

/// <summary>
/// Mean and standard deviation of one metric over the cases where it is defined: <see cref="Count"/> cases; the SD is
/// the sample SD (n − 1, numpy <c>std(ddof=1)</c>), null below two values; both null when no case defines the metric.
/// </summary>
public sealed record MetricSummary(double? Mean, double? Sd, int Count)
{
    /// <summary>The summary of <paramref name="values"/> (nulls left out).</summary>
    public static MetricSummary Of(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var defined = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
        if (defined.Length == 0)
        {
            return new MetricSummary(null, null, 0);
        }
        var mean = defined.Average();
        double? sd = defined.Length < 2 ? null : Math.Sqrt(defined.Sum(v => (v - mean) * (v - mean)) / (defined.Length - 1));
        return new MetricSummary(mean, sd, defined.Length);
    }
}
