using System.Globalization;
using System.Text;

namespace PipelineSeg.Reporting.Summary;

/// <summary>
/// summary.csv: one row per input; per segment seen in the batch the columns <c>&lt;segment&gt;.volumeMl</c> and
/// <c>&lt;segment&gt;.&lt;metric key&gt;</c> (docs/metrics.md); empty cell = not applicable or undefined. RFC 4180 quoting, invariant numbers.
/// </summary>
public static class SummaryCsv
{
    /// <summary>The leading columns.</summary>
    public static IReadOnlyList<string> Leading { get; } = ["series", "status", "message", "inputFolder", "report", "timeMs"];

    /// <summary>The CSV text.</summary>
    public static string Format(IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var segments = SegmentNames(rows);
        var metricColumns = segments
            .SelectMany(s => new[] { $"{s}.volumeMl" }.Concat(SummaryReader.Metrics.Select(k => $"{s}.{k}")))
            .ToList();
        var sb = new StringBuilder();
        sb.AppendJoin(',', Leading.Concat(metricColumns).Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            var cells = new List<string>
            {
                row.Name, row.Status.ToString().ToLowerInvariant(), row.Message, row.InputFolder ?? string.Empty, row.Report ?? string.Empty,
                Number(row.TotalMs),
            };
            foreach (var name in segments)
            {
                var segment = row.Segments.FirstOrDefault(s => s.Name == name);
                cells.Add(Number(segment?.VolumeMl));
                cells.AddRange(SummaryReader.Metrics.Select(k => Number(segment?.Metrics.GetValueOrDefault(k))));
            }
            sb.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>Segment names in order of first appearance across the batch.</summary>
    public static IReadOnlyList<string> SegmentNames(IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.SelectMany(r => r.Segments.Select(s => s.Name)).Distinct(StringComparer.Ordinal)];
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
