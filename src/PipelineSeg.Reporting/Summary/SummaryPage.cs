using System.Globalization;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Plots;

namespace PipelineSeg.Reporting.Summary;

/// <summary>summary.html: totals, the Dice box plot per segment, one row per series (linked to its report), and the failed inputs with their reasons.</summary>
public static class SummaryPage
{
    /// <summary>
    /// The page; <paramref name="linkPrefix"/> is put before every report link ("" beside the result folders,
    /// "../../" for a run's copy under runs/&lt;stamp&gt;/).
    /// </summary>
    public static HtmlPage Build(BatchSummary summary, IReadOnlyList<SummaryRow> rows, DateTimeOffset runUtc, string linkPrefix)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(rows);
        var page = new HtmlPage($"Batch summary — {runUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        page.Paragraph("Not for diagnosis.", "banner");
        if (summary.Message is not null)
        {
            page.Paragraph(summary.Message, "banner"); // e.g. nothing found: a nightly run still says so
        }
        var segments = SummaryCsv.SegmentNames(rows);
        page.Heading("Totals").Facts(
        [
            ("pipeline / model", $"{summary.Pipeline} / {summary.Model}"),
            ("series", $"{summary.Succeeded} succeeded, {summary.Failed} failed, {summary.Skipped} skipped"),
            ("model-card warnings / refusals", $"{summary.ApplicabilityWarnings} / {summary.Refused}"),
            ("non-DICOM files ignored", summary.Ignored.Count.ToString(CultureInfo.InvariantCulture)),
            ("elapsed", FormattableString.Invariant($"{summary.ElapsedMs / 1000:0.0} s")),
            .. segments.Select(s => ($"{s}: mean {MetricKeys.VolumeMl} / mean {MetricKeys.Dice}",
                $"{HtmlText.Number(Mean(rows, s, null), 2)} / {HtmlText.Number(Mean(rows, s, MetricKeys.Dice))}")),
        ]);
        var samples = segments.Select(s => new SegmentDiceSamples(s, [.. rows.SelectMany(r => r.Segments)
            .Where(x => x.Name == s && x.Metrics.GetValueOrDefault(MetricKeys.Dice) is not null)
            .Select(x => x.Metrics[MetricKeys.Dice]!.Value)])).Where(s => s.Dice.Count > 0).ToList();
        if (samples.Count > 0)
        {
            page.Heading("Dice per segment across the batch");
            page.Figure(DiceBoxPlot.Png(samples, "Dice per segment"), $"Dice per segment over {rows.Count(r => r.Segments.Any(s => s.Metrics.Count > 0))} series with ground truth (median, quartiles, min/max)");
        }
        page.Heading("Series");
        page.Table(
            ["series", "status", "time (s)", .. segments.SelectMany(s => new[] { $"{s} {MetricKeys.VolumeMl}", $"{s} {MetricKeys.Dice}", $"{s} {MetricKeys.Hausdorff95Mm}" }), "report"],
            rows.Where(r => r.Status != SeriesStatus.Failed).Select(r => (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Text(r.Name), HtmlCell.Text(r.Status.ToString().ToLowerInvariant()), HtmlCell.Number(r.TotalMs / 1000, 1),
                .. segments.SelectMany(s => Cells(r, s)),
                r.Report is null ? HtmlCell.Text(r.Message) : HtmlCell.Link(linkPrefix + r.Report, Path.GetFileName(r.Report)),
            ]));
        var failed = rows.Where(r => r.Status == SeriesStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            page.Heading($"Failed inputs ({failed.Count})");
            page.Table(["input", "reason"], failed.Select(r => (IReadOnlyList<HtmlCell>)[HtmlCell.Text(r.InputFolder ?? r.Name), HtmlCell.Text(r.Message)]));
        }
        page.Raw($"<p>The same figures, every metric key: <a href=\"{HtmlText.Encode(linkPrefix)}summary.csv\">summary.csv</a> (keys and units: docs/metrics.md).</p>");
        return page;
    }

    private static IEnumerable<HtmlCell> Cells(SummaryRow row, string segment)
    {
        var s = row.Segments.FirstOrDefault(x => x.Name == segment);
        return
        [
            HtmlCell.Number(s?.VolumeMl, 1), HtmlCell.Number(s?.Metrics.GetValueOrDefault(MetricKeys.Dice)),
            HtmlCell.Number(s?.Metrics.GetValueOrDefault(MetricKeys.Hausdorff95Mm), 2),
        ];
    }

    private static double? Mean(IReadOnlyList<SummaryRow> rows, string segment, string? metric)
    {
        var values = rows.SelectMany(r => r.Segments).Where(s => s.Name == segment)
            .Select(s => metric is null ? s.VolumeMl : s.Metrics.GetValueOrDefault(metric))
            .OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
