using System.Text.Json;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Reporting.Summary;

/// <summary>
/// Reads the rows of a batch summary from batch-summary.json's entries and each series' report.json, by the metric
/// keys themselves, so summary.csv can only carry what report.json carries, in its units.
/// </summary>
public static class SummaryReader
{
    /// <summary>The ground-truth metrics a summary carries per segment (report.json keys, report order).</summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        MetricKeys.GroundTruthVolumeMl, MetricKeys.Dice, MetricKeys.Iou, MetricKeys.GeneralizedJaccard, MetricKeys.PixelAccuracy,
        MetricKeys.Sensitivity, MetricKeys.Specificity, MetricKeys.Precision, MetricKeys.F1, MetricKeys.RelativeVolumeDifference,
        MetricKeys.VolumeDifferenceMl, MetricKeys.HausdorffMm, MetricKeys.Hausdorff95Mm, MetricKeys.AssdMm,
    ];

    /// <summary>One row per entry of <paramref name="summary"/>; <paramref name="outputRoot"/> is the batch output.</summary>
    public static async Task<IReadOnlyList<SummaryRow>> ReadAsync(BatchSummary summary, string outputRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<SummaryRow>(summary.Series.Count);
        foreach (var entry in summary.Series)
        {
            if (entry.Report is null)
            {
                rows.Add(new SummaryRow(entry.Name, entry.Status, entry.Message, entry.InputFolder, null, null, []));
                continue;
            }
            var path = Path.Combine(outputRoot, entry.Report);
            await using var stream = File.OpenRead(path);
            using var report = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var html = Path.Combine(Path.GetDirectoryName(entry.Report) ?? string.Empty, Html.HtmlReportWriter.FileName).Replace('\\', '/');
            rows.Add(new SummaryRow(entry.Name, entry.Status, entry.Message, null,
                File.Exists(Path.Combine(outputRoot, html)) ? html : entry.Report,
                report.RootElement.TryGetProperty("timingsMs", out var t) && t.TryGetProperty("total", out var total) ? total.GetDouble() : null,
                Segments(report.RootElement)));
        }
        return rows;
    }

    private static List<SummarySegment> Segments(JsonElement report)
    {
        var truth = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (report.TryGetProperty("groundTruth", out var gt) && gt.ValueKind == JsonValueKind.Object)
        {
            foreach (var s in gt.GetProperty("segments").EnumerateArray())
            {
                if (s.GetProperty(MetricKeys.Name).GetString() is { } name)
                {
                    truth[name] = s;
                }
            }
        }
        var segments = new List<SummarySegment>();
        foreach (var s in report.GetProperty("segments").EnumerateArray())
        {
            var name = s.GetProperty("label").GetString() ?? "?";
            var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
            if (truth.TryGetValue(name, out var m))
            {
                foreach (var key in Metrics)
                {
                    metrics[key] = m.GetProperty(key) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
                }
            }
            segments.Add(new SummarySegment(name, s.GetProperty(MetricKeys.VolumeMl).GetDouble(), metrics));
        }
        return segments;
    }
}
