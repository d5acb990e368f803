using System.Globalization;
using System.Text;
using PipelineSeg.Comparison.Running;
using PipelineSeg.Comparison.Scoring;

namespace PipelineSeg.Comparison.Reports;

/// <summary>
/// comparison.csv: one row per model and threshold, <c>cases</c>, then per metric key <c>&lt;key&gt;Mean</c>,
/// <c>&lt;key&gt;Sd</c> and <c>&lt;key&gt;N</c> (cases where it is defined); comparison-cases.csv: one row per model, case and
/// threshold with each metric under its key. Undefined values are empty cells; numbers are invariant, round-trip.
/// </summary>
public static class ComparisonCsv
{
    /// <summary>The summary table.</summary>
    public static string Summary(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', ["model", "threshold", "cases", .. ComparedMetrics.Keys.SelectMany(k => new[] { k + "Mean", k + "Sd", k + "N" })]));
        foreach (var row in result.Summaries)
        {
            var cells = new List<string> { Quote(row.Model), Number(row.Threshold), Number(row.Cases) };
            foreach (var key in ComparedMetrics.Keys)
            {
                var m = row.Metrics[key];
                cells.AddRange([Number(m.Mean), Number(m.Sd), Number(m.Count)]);
            }
            text.AppendLine(string.Join(',', cells));
        }
        return text.ToString();
    }

    /// <summary>The per-case table.</summary>
    public static string Cases(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', ["model", "case", "threshold", .. ComparedMetrics.Keys]));
        foreach (var s in result.Cases)
        {
            text.AppendLine(string.Join(',', [Quote(s.Model), Quote(s.Case), Number(s.Threshold), .. ComparedMetrics.All.Select(m => Number(m.Value(s.Metrics)))]));
        }
        return text.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
