using PipelineSeg.Comparison.Running;
using PipelineSeg.Comparison.Scoring;
using PipelineSeg.Reporting.Html;

namespace PipelineSeg.Comparison.Reports;

/// <summary>comparison.html: self-contained (charts inline), the summary table per threshold and every figure.</summary>
public static class ComparisonHtml
{
    /// <summary>The page.</summary>
    public static HtmlPage Build(ComparisonResult result, IReadOnlyList<ReportFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(figures);
        var page = new HtmlPage($"Model comparison: {Path.GetFileName(result.Dataset)}, split {result.Split}");
        page.Facts([("dataset", result.Dataset), ("split", result.Split), ("models", string.Join(", ", result.Models)),
            ("cases", result.Summaries.Count > 0 ? result.Summaries.Max(r => r.Cases).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0")]);
        foreach (var note in result.Notes)
        {
            page.Paragraph(note);
        }
        page.Paragraph("Mean ± sample SD over the cases where a metric is defined (docs/metrics.md keys; HD and HD95 in mm).");
        foreach (var threshold in result.Thresholds.Distinct().Order())
        {
            page.Heading($"Threshold {MetricFormat.Threshold(threshold)}");
            page.Table(["model", "cases", .. ComparedMetrics.Keys],
                result.Summaries.Where(r => r.Threshold == threshold).Select(r => (IReadOnlyList<HtmlCell>)
                    [HtmlCell.Text(r.Model), new HtmlCell(HtmlText.Integer(r.Cases)), .. ComparedMetrics.Keys.Select(k => new HtmlCell(HtmlText.Encode(MetricFormat.Cell(k, r.Metrics[k]))))]));
        }
        page.Heading("Charts");
        foreach (var figure in figures)
        {
            page.Figure(figure.Png, figure.Caption);
        }
        return page;
    }
}
