using System.Text.Json;
using Json.Schema;

namespace PipelineSeg.EndToEnd.Tests.Schemas;

/// <summary>schemas/report.schema.json, loaded once, and the errors of a document against it.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(TestPaths.Repo("schemas", "report.schema.json"))));

    /// <summary>Every error as "instance location: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonElement document)
    {
        var result = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }
}
