using System.Globalization;
using System.Text.Json;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli.Rendering;

/// <summary>What <c>batch</c> prints: one line per input and a total, or with <c>--json</c> the batch-summary.json content.</summary>
internal static class BatchText
{
    public static async Task WriteAsync(CliContext context, BatchResult result, bool json)
    {
        if (result.NothingFound)
        {
            await context.Error.WriteLineAsync($"error: {result.NothingFoundMessage}").ConfigureAwait(false);
        }
        if (json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(BatchSummary.From(result), ReportJson.Options)).ConfigureAwait(false);
            return;
        }
        var o = context.Out;
        foreach (var s in result.Series)
        {
            await o.WriteLineAsync($"{s.Status.ToString().ToUpperInvariant(),-9} {s.Name}: {s.Message}").ConfigureAwait(false);
            foreach (var m in s.Report?.GroundTruth?.Segments ?? [])
            {
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"          {m.Name} Dice {m.Dice:F4} (ground truth)")).ConfigureAwait(false);
            }
            if (s.Applicability is { Action: ApplicabilityAction.Warned } card)
            {
                await o.WriteLineAsync($"          WARNING outside the model card ({card.IntendedUse}): {card.Reason}").ConfigureAwait(false);
            }
            if (s.OutputFolder is not null)
            {
                await o.WriteLineAsync($"          {s.InputFolder ?? "?"} -> {s.OutputFolder}").ConfigureAwait(false);
            }
        }
        foreach (var ignored in result.Ignored)
        {
            await o.WriteLineAsync($"IGNORED   {ignored}").ConfigureAwait(false);
        }
        if (result.ApplicabilityWarnings + result.Refused > 0)
        {
            await o.WriteLineAsync($"model card: {result.ApplicabilityWarnings} series with warnings, {result.Refused} refused").ConfigureAwait(false);
        }
        var outputFailures = result.Failed - result.Quarantined;
        var failed = outputFailures > 0 ? $"{result.Failed} failed ({result.Quarantined} quarantined, {outputFailures} not written)" : $"{result.Failed} failed (quarantined)";
        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Succeeded} segmented, {failed}, {result.Skipped} skipped, {result.Ignored.Count} non-DICOM ignored in {result.ElapsedMs / 1000:F1} s; summary: {Path.Combine(result.Output, BatchProcessor.SummaryFileName)}")).ConfigureAwait(false);
    }
}
