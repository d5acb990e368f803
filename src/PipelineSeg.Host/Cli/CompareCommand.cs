using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PipelineSeg.Comparison.Datasets;
using PipelineSeg.Comparison.Reports;
using PipelineSeg.Comparison.Running;
using PipelineSeg.Host.Cli.Comparison;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg compare --data PATH --models M1,M2,… [--thresholds …] [--split test] --output DIR</c>: runs each model over a
/// labelled dataset through the service's stages and writes comparison.csv/.md/.html with mean ± SD per threshold.
/// </summary>
internal sealed class CompareCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var data = new Option<string>("--data", "-d") { Description = "dataset.json, a folder holding one, or a folder of x_<split>.npy / y_<split>.npy pairs (README: compare)", Required = true, HelpName = "path" };
        var models = new Option<string>("--models", "-m") { Description = "Comma-separated [NAME=]SPEC: a pipeline name, a model id, or model ids joined by '+' (an ensemble)", Required = true, HelpName = "list" };
        var thresholds = new Option<string>("--thresholds") { Description = "Comma-separated thresholds in (0, 1): a voxel is foreground where p > t", DefaultValueFactory = _ => "0.1,0.3,0.5,0.7,0.9", HelpName = "list" };
        var split = new Option<string>("--split") { Description = "The dataset split compared", DefaultValueFactory = _ => "test", HelpName = "name" };
        var output = CliOptions.Output("Folder for comparison.csv, comparison-cases.csv, comparison.md, comparison.html and the charts");
        var maps = new Option<bool>("--save-maps") { Description = "Also write each case's probability map per model and its ground truth as NIfTI under <output>/maps (for evaluate)" };
        var plugins = CliOptions.Plugins();
        var json = CliOptions.Json();
        var command = new Command("compare", "Compare models on a labelled dataset (DICOM, NIfTI, npy or HDF5) across thresholds: accuracy, sensitivity, specificity, "
            + "IoU, Dice, generalized Jaccard, HD, HD95 as mean ± SD over cases")
        {
            data, models, thresholds, split, output, maps, plugins, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CliOptions.PluginsOverride(parse, plugins);
            return CommandHost.RunAsync(context, parse, overrides, b => b.AddPipelineSegProcessing(), async (host, ct) =>
            {
                if (await CliPaths.PrepareOutputAsync(context, parse.GetRequiredValue(output)).ConfigureAwait(false) is not { } outputPath)
                {
                    return ExitCodes.UsageOrConfiguration;
                }
                var provider = host.Services.GetRequiredService<IModelProvider>();
                ComparisonRequest request;
                try
                {
                    var available = await provider.ListAsync(ct).ConfigureAwait(false);
                    var pipelines = host.Services.GetRequiredService<IOptions<PipelinesOptions>>().Value.Definitions;
                    request = new ComparisonRequest
                    {
                        Dataset = await DatasetDescriptionReader.ReadAsync(parse.GetRequiredValue(data), ct).ConfigureAwait(false),
                        Split = parse.GetRequiredValue(split),
                        Models = ModelSpecs.Parse(parse.GetRequiredValue(models), pipelines, [.. available.Select(m => m.Model.Id)]),
                        Thresholds = ThresholdList.Parse(parse.GetRequiredValue(thresholds)),
                        SlicesPerBatch = host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.SlicesPerBatch,
                        MapsFolder = parse.GetValue(maps) ? Path.Combine(outputPath, "maps") : null,
                    };
                }
                catch (Exception e) when (e is FormatException or InvalidDataException)
                {
                    return await Fail(context, e.Message, ExitCodes.UsageOrConfiguration).ConfigureAwait(false);
                }
                ComparisonResult result;
                try
                {
                    var quiet = parse.GetValue(GlobalOptions.Quiet);
                    var cases = 0;
                    result = await new ComparisonRunner(provider).RunAsync(request, id =>
                    {
                        if (!quiet && ++cases % 25 == 0)
                        {
                            context.Error.WriteLine($"compare: {cases} cases done");
                        }
                    }, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or KeyNotFoundException or IOException or Dicom.DicomException)
                {
                    return await Fail(context, e.Message, ExitCodes.InputsFailed).ConfigureAwait(false);
                }
                var written = await ComparisonWriter.WriteAsync(result, outputPath, ct).ConfigureAwait(false);
                var asJson = parse.GetValue(json);
                await context.Out.WriteAsync(asJson ? ComparisonJson.Serialize(result) + Environment.NewLine : ComparisonMarkdown.Format(result)).ConfigureAwait(false);
                var console = asJson ? context.Error : context.Out;
                await console.WriteLineAsync($"{Environment.NewLine}wrote {string.Join(", ", written.Select(Path.GetFileName))} to {outputPath}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> Fail(CliContext context, string message, int code)
    {
        await context.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return code;
    }
}
