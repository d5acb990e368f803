using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PipelineSeg.Host.Cli.Progress;
using PipelineSeg.Host.Cli.Rendering;
using PipelineSeg.Host.Cli.Routing;
using PipelineSeg.Host.Composition;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Reporting.Summary;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg batch --input DIR --output DIR</c>: segments every series under DIR once.</summary>
internal sealed class BatchCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var input = CliOptions.ExistingInput("Folder scanned recursively for DICOM series (non-DICOM files are ignored with a note)", folderOnly: true);
        var output = CliOptions.Output("Folder for one result folder per series (named by Series Instance UID), the quarantine and batch-summary.json");
        var pipeline = CliOptions.Pipeline();
        var plugins = CliOptions.Plugins();
        var json = CliOptions.Json();
        var backend = CliOptions.Backend();
        var device = CliOptions.Device();
        var precision = CliOptions.Precision();
        var outputs = new Option<string?>("--outputs")
        {
            Description = "Result objects per series, comma-separated: seg, rtstruct, overlay, nifti, html (default: the pipeline's Outputs, else seg)",
            HelpName = "list",
        };
        var command = new Command("batch", "Segment every series under a folder once and write DICOM-SEG (and the other --outputs) + report.json per series. "
            + "A folder without DICOM series is reported (\"no DICOM series found\") with exit code 1. With Routing:Rules and no --pipeline, each series "
            + "goes through the pipelines its rule names (results in <output>/<pipeline>/) or is ignored; every decision is in <output>/routing.json.")
        {
            input, output, pipeline, plugins, outputs, backend, device, precision, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CliOptions.PluginsOverride(parse, plugins);
            CliOptions.AddExecutionOverrides(parse, backend, device, precision, overrides);
            return CommandHost.RunAsync(context, parse, overrides, b => b.AddPipelineSegProcessing(), async (host, ct) =>
            {
                if (await CliPaths.PrepareOutputAsync(context, parse.GetRequiredValue(output)).ConfigureAwait(false) is not { } outputPath)
                {
                    return ExitCodes.UsageOrConfiguration;
                }
                var inputPath = Path.GetFullPath(parse.GetRequiredValue(input));
                var routed = host.Services.GetRequiredService<RoutedBatch>();
                RoutedBatchPlan? plan = null;
                IReadOnlyList<BatchRequest> requests;
                try
                {
                    var list = parse.GetValue(outputs) is { } names ? OutputNames.Parse(names) : null;
                    if (routed.AppliesTo(parse.GetValue(pipeline)))
                    {
                        plan = await routed.PlanAsync(inputPath, outputPath, list, ct).ConfigureAwait(false);
                        requests = plan.Requests;
                    }
                    else
                    {
                        requests = [host.Services.GetRequiredService<BatchRequestFactory>().Create(inputPath, outputPath, parse.GetValue(pipeline), list)];
                    }
                }
                catch (KeyNotFoundException e)
                {
                    await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
                var results = new List<BatchResult>();
                try
                {
                    var processor = host.Services.GetRequiredService<BatchProcessor>();
                    foreach (var request in requests)
                    {
                        results.Add(await ProgressDisplays.For(context, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(json))
                            .RunAsync(plan is null ? "batch" : "batch " + request.PipelineName, progress => processor.RunAsync(request with { Progress = progress }, ct)).ConfigureAwait(false));
                    }
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
                if (plan is not null)
                {
                    return await RoutedBatchText.WriteAsync(context, plan, results, parse.GetValue(json), outputPath).ConfigureAwait(false);
                }
                var result = results[0];
                await BatchText.WriteAsync(context, result, parse.GetValue(json)).ConfigureAwait(false);
                if (!result.NothingFound)
                {
                    await WriteSummaryAsync(context, result, parse.GetValue(json), ct).ConfigureAwait(false);
                }
                return result.Failed > 0 || result.NothingFound ? ExitCodes.InputsFailed : ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    // summary.csv/html are for people; a failure to write them is reported but does not change the batch's outcome
    internal static async Task WriteSummaryAsync(CliContext context, BatchResult result, bool json, CancellationToken cancellationToken)
    {
        var console = json ? context.Error : context.Out;
        try
        {
            var (latest, run) = await BatchSummaryWriter.WriteAsync(BatchSummary.From(result), DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            await console.WriteLineAsync($"summary page: {latest} (this run: {run})").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await context.Error.WriteLineAsync($"warning: summary.csv/summary.html not written: {e.Message}").ConfigureAwait(false);
        }
    }
}
