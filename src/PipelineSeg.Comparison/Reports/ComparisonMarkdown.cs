using System.Globalization;
using System.Text;
using PipelineSeg.Comparison.Running;
using PipelineSeg.Comparison.Scoring;

namespace PipelineSeg.Comparison.Reports;

/// <summary>comparison.md: one table per threshold, a row per model, "mean ± SD" per metric key, and the notes.</summary>
public static class ComparisonMarkdown
{
    /// <summary>The Markdown text.</summary>
    public static string Format(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Model comparison: {Path.GetFileName(result.Dataset)}, split {result.Split}");
        text.AppendLine();
        text.AppendLine("Mean ± sample SD over the cases where a metric is defined (docs/metrics.md keys; HD and HD95 in mm). "
            + "A voxel is foreground where the segment's probability is above the threshold.");
        text.AppendLine();
        foreach (var note in result.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        foreach (var threshold in result.Thresholds.Distinct().Order())
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## Threshold {MetricFormat.Threshold(threshold)}");
            text.AppendLine();
            text.AppendLine($"| model | cases | {string.Join(" | ", ComparedMetrics.Keys)} |");
            text.AppendLine($"|---|---:|{string.Concat(ComparedMetrics.Keys.Select(_ => "---:|"))}");
            foreach (var row in result.Summaries.Where(r => r.Threshold == threshold))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Model} | {row.Cases} | {string.Join(" | ", ComparedMetrics.Keys.Select(k => MetricFormat.Cell(k, row.Metrics[k])))} |");
            }
        }
        return text.ToString();
    }
}
