using System.Text.Json;
using PipelineSeg.Host.Cli.Rendering;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>
/// What a routed <c>batch</c> prints: each pipeline's run as a plain batch prints it, then the ignored series; with
/// <c>--json</c> one object { routing, runs }. Returns the exit code: 1 when a series failed, or when no series was found.
/// </summary>
internal static class RoutedBatchText
{
    public static async Task<int> WriteAsync(CliContext context, RoutedBatchPlan plan, IReadOnlyList<BatchResult> results, bool json, string output)
    {
        // A run with nothing in it (every series ignored) is not "no DICOM series found" when the input had series.
        var shown = results.Where(r => !r.NothingFound || plan.Routes.Count == 0).ToList();
        if (json)
        {
            var document = new { Routing = plan.Routes, Runs = shown.Select(BatchSummary.From).ToList() };
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(document, ReportJson.Options)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in shown)
            {
                await context.Out.WriteLineAsync($"pipeline {result.Pipeline}:").ConfigureAwait(false);
                await BatchText.WriteAsync(context, result, json: false).ConfigureAwait(false);
            }
            foreach (var route in plan.Ignored)
            {
                var by = route.Decision.IsDefault ? "no rule matched (Routing:IgnoreUnmatched)" : $"rule '{route.Decision.Rule}'";
                await context.Out.WriteLineAsync($"IGNORED   {route.Series}: by {by} (not processed, not quarantined)").ConfigureAwait(false);
            }
            await context.Out.WriteLineAsync($"routing: {plan.Routes.Count - plan.Ignored.Count} series routed, {plan.Ignored.Count} ignored; "
                + $"record: {Path.Combine(output, RoutedBatch.RecordFileName)}").ConfigureAwait(false);
        }
        foreach (var result in shown.Where(r => !r.NothingFound))
        {
            await BatchCommand.WriteSummaryAsync(context, result, json, CancellationToken.None).ConfigureAwait(false);
        }
        if (json && plan.Routes.Count == 0)
        {
            await context.Error.WriteLineAsync("error: no DICOM series found").ConfigureAwait(false);
        }
        return shown.Any(r => r.Failed > 0) || plan.Routes.Count == 0 && results.All(r => r.NothingFound) ? ExitCodes.InputsFailed : ExitCodes.Ok;
    }
}
