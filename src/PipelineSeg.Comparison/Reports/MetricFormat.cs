using System.Globalization;
using PipelineSeg.Comparison.Scoring;

namespace PipelineSeg.Comparison.Reports;

/// <summary>"mean ± SD" cells of the Markdown and HTML tables: ratios to 3 decimals, distances in mm to 2.</summary>
internal static class MetricFormat
{
    public static string Cell(string key, MetricSummary summary)
    {
        if (summary.Mean is not { } mean)
        {
            return "–";
        }
        var format = ComparedMetrics.IsRatio(key) ? "F3" : "F2";
        var text = mean.ToString(format, CultureInfo.InvariantCulture);
        return summary.Sd is { } sd ? $"{text} ± {sd.ToString(format, CultureInfo.InvariantCulture)}" : text;
    }

    public static string Threshold(double threshold) => threshold.ToString("0.0##", CultureInfo.InvariantCulture);
}
