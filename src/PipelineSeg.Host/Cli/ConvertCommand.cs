using System.CommandLine;
using System.Text.Json;
using PipelineSeg.Host.Cli.Progress;
using PipelineSeg.Pipeline.Conversion;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg convert --input DIR_OR_FILE --output FILE.nii.gz</c>: DICOM series → NIfTI (dcm2niix-compatible layout).</summary>
internal sealed class ConvertCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = CliOptions.ExistingInput("DICOM folder (scanned recursively) or file");
        var output = CliOptions.Output("NIfTI file (.nii or .nii.gz); with several series, one file per series named <stem>_<series number>");
        var json = CliOptions.Json();
        var command = new Command("convert", "Convert DICOM image series to NIfTI (voxels and affine as dcm2niix writes them)") { input, output, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputPath = parse.GetRequiredValue(input);
            var outputPath = parse.GetRequiredValue(output);
            if (!outputPath.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !outputPath.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            {
                await context.Error.WriteLineAsync($"error: --output '{outputPath}' must end in .nii or .nii.gz").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            if (CliPaths.CheckFile("--output", outputPath) is { } unusable)
            {
                await context.Error.WriteLineAsync($"error: {unusable}").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            var outcomes = await ProgressDisplays.For(context, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(json))
                .RunAsync("convert", progress => DicomToNiftiConverter.ConvertAsync(inputPath, outputPath, progress, cancellationToken)).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var payload = outcomes.Select(o => new { o.Series, Output = o.OutputPath, o.Succeeded, o.Error });
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(payload, ReportJson.Options)).ConfigureAwait(false);
            }
            foreach (var o in outcomes)
            {
                if (o.Succeeded && !parse.GetValue(json))
                {
                    await context.Out.WriteLineAsync($"converted {o.Series} -> {o.OutputPath}").ConfigureAwait(false);
                }
                else if (!o.Succeeded)
                {
                    await context.Error.WriteLineAsync($"failed {o.Series}: {o.Error}").ConfigureAwait(false);
                }
            }
            return outcomes.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.InputsFailed;
        });
        return command;
    }
}
