using System.Text.Json;
using PipelineSeg.Comparison.Running;
using PipelineSeg.Comparison.Scoring;

namespace PipelineSeg.Comparison.Reports;

/// <summary>
/// <c>compare --json</c>: dataset, split, models, thresholds, notes and the rows of comparison.csv as
/// <c>{ model, threshold, cases, metrics: { &lt;key&gt;: { mean, sd, n } } }</c>; an undefined mean or SD is null, never left out.
/// </summary>
public static class ComparisonJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The JSON text.</summary>
    public static string Serialize(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = new Dictionary<string, object?>
        {
            ["dataset"] = result.Dataset,
            ["split"] = result.Split,
            ["models"] = result.Models,
            ["thresholds"] = result.Thresholds,
            ["notes"] = result.Notes,
            ["rows"] = result.Summaries.Select(Row).ToList(),
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static Dictionary<string, object?> Row(ThresholdSummary row) => new()
    {
        ["model"] = row.Model,
        ["threshold"] = row.Threshold,
        ["cases"] = row.Cases,
        ["metrics"] = ComparedMetrics.Keys.ToDictionary(k => k, k => new Dictionary<string, object?>
        {
            ["mean"] = row.Metrics[k].Mean,
            ["sd"] = row.Metrics[k].Sd,
            ["n"] = row.Metrics[k].Count,
        }),
    };
}
