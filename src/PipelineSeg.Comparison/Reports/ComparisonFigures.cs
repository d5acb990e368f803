using System.Globalization;
using PipelineSeg.Comparison.Running;
using PipelineSeg.Comparison.Scoring;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Plots;

namespace PipelineSeg.Comparison.Reports;

/// <summary>
/// The comparison's charts from the Reporting plots: each metric against the threshold (one line per model), and per-case
/// box plots of Dice and HD95 per model at the threshold nearest 0.5.
/// </summary>
public static class ComparisonFigures
{
    /// <summary>The metrics drawn against the threshold.</summary>
    public static IReadOnlyList<string> CurveMetrics { get; } =
        [MetricKeys.Dice, MetricKeys.Iou, MetricKeys.Sensitivity, MetricKeys.Specificity, MetricKeys.Hausdorff95Mm];

    /// <summary>The metrics drawn as per-case box plots.</summary>
    public static IReadOnlyList<string> BoxMetrics { get; } = [MetricKeys.Dice, MetricKeys.Hausdorff95Mm];

    /// <summary>Each figure with a file-name stem (<c>curve-dice</c>, <c>box-dice</c>, …).</summary>
    public static IReadOnlyList<(string Stem, ReportFigure Figure)> Draw(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<(string, ReportFigure)>();
        foreach (var key in CurveMetrics)
        {
            var curves = result.Models.Select(model => new MetricCurve(model,
                [.. result.Summaries.Where(r => r.Model == model).Select(r => (r.Threshold, r.Metrics[key].Mean))])).ToList();
            if (curves.Any(c => c.Points.Any(p => p.Value is not null)))
            {
                figures.Add(($"curve-{key}", new ReportFigure(MetricCurvePlot.Png(curves, key, $"{key} (mean over cases) against threshold", ComparedMetrics.IsRatio(key)),
                    $"{key}: mean over cases at each threshold, one line per model")));
            }
        }
        var threshold = result.Thresholds.OrderBy(t => Math.Abs(t - 0.5)).ThenBy(t => t).First();
        var label = MetricFormat.Threshold(threshold);
        foreach (var key in BoxMetrics)
        {
            var value = ComparedMetrics.All.First(m => m.Key == key).Value;
            var groups = result.Models.Select(model => new LabelledSamples(model,
                [.. result.Cases.Where(c => c.Model == model && c.Threshold == threshold).Select(c => value(c.Metrics)).Where(v => v is not null).Select(v => v!.Value)])).ToList();
            if (groups.Any(g => g.Values.Count > 0))
            {
                figures.Add(($"box-{key}", new ReportFigure(MetricBoxPlot.Png(groups, key, string.Create(CultureInfo.InvariantCulture, $"per-case {key} at threshold {label}"), ComparedMetrics.IsRatio(key)),
                    $"{key} per case at threshold {label}: median, quartiles and range per model")));
            }
        }
        return figures;
    }
}
