using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PipelineSeg.Host.Hosting;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg batch --input DIR --output DIR</c>: segments every series under DIR once.</summary>
internal sealed class BatchCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var input = new Option<DirectoryInfo>("--input", "-i") { Description = "Folder scanned recursively for DICOM series (non-DICOM files are ignored with a note)", Required = true };
        input.AcceptExistingOnly();
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for one result folder per series, the quarantine and batch-summary.json", Required = true };
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "Pipeline name from configuration (default: Inference:DefaultPipeline)" };
        var plugins = new Option<DirectoryInfo?>("--plugins") { Description = "Plugins folder (default: Plugins:Directory, next to the binary)" };
        var command = new Command("batch", "Segment every series under a folder once and write DICOM-SEG + report.json per series") { input, output, pipeline, plugins };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(plugins) is { } dir)
            {
                overrides["Plugins:Directory"] = dir.FullName;
            }
            return CommandHost.RunAsync(context, parse, overrides, b => b.AddPipelineSegProcessing(), async (host, ct) =>
            {
                BatchRequest request;
                try
                {
                    request = host.Services.GetRequiredService<BatchRequestFactory>()
                        .Create(parse.GetRequiredValue(input).FullName, parse.GetRequiredValue(output).FullName, parse.GetValue(pipeline));
                }
                catch (KeyNotFoundException e)
                {
                    await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
                BatchResult result;
                try
                {
                    result = await host.Services.GetRequiredService<BatchProcessor>().RunAsync(request, ct).ConfigureAwait(false);
                }
                catch (KeyNotFoundException e)
                {
                    // The configured model is not served by any plugin: a configuration problem, nothing was processed.
                    var failures = await host.Services.GetRequiredService<IModelProvider>().FailuresAsync(ct).ConfigureAwait(false);
                    await context.Error.WriteLineAsync($"configuration error: {e.Message}").ConfigureAwait(false);
                    foreach (var f in failures)
                    {
                        await context.Error.WriteLineAsync($"  plugin refused: {f}").ConfigureAwait(false);
                    }
                    return ExitCodes.UsageOrConfiguration;
                }
                await WriteSummaryAsync(context, result).ConfigureAwait(false);
                return result.Failed > 0 ? ExitCodes.InputsFailed : ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task WriteSummaryAsync(CliContext context, BatchResult result)
    {
        var o = context.Out;
        foreach (var s in result.Series)
        {
            await o.WriteLineAsync($"{s.Status.ToString().ToUpperInvariant(),-9} {s.Name}: {s.Message}").ConfigureAwait(false);
            foreach (var m in s.Report?.GroundTruth?.Groups.Concat(s.Report.GroundTruth.Segments) ?? [])
            {
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"          {m.Name} Dice {m.Dice:F4} (ground truth)")).ConfigureAwait(false);
            }
            if (s.Applicability is { Action: ApplicabilityAction.Warned } card)
            {
                await o.WriteLineAsync($"          WARNING outside the model card ({card.IntendedUse}): {card.Reason}").ConfigureAwait(false);
            }
            if (s.OutputFolder is not null)
            {
                await o.WriteLineAsync($"          -> {s.OutputFolder}").ConfigureAwait(false);
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
        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Succeeded} segmented, {result.Failed} failed (quarantined), {result.Skipped} skipped, {result.Ignored.Count} non-DICOM ignored in {result.ElapsedMs / 1000:F1} s; summary: {Path.Combine(result.Output, BatchProcessor.SummaryFileName)}")).ConfigureAwait(false);
    }
}
