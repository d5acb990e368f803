using System.CommandLine;
using PipelineSeg.Pipeline.Conversion;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg convert --input DIR_OR_FILE --output FILE.nii.gz</c>: DICOM series → NIfTI (dcm2niix-compatible layout).</summary>
internal sealed class ConvertCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Option<string>("--input", "-i") { Description = "DICOM folder (scanned recursively) or file", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "NIfTI file (.nii or .nii.gz); with several series, one file per series named <stem>_<series number>", Required = true };
        var command = new Command("convert", "Convert DICOM image series to NIfTI (voxels and affine as dcm2niix writes them)") { input, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputPath = parse.GetValue(input)!;
            var outputPath = parse.GetValue(output)!;
            if (!outputPath.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !outputPath.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            {
                await context.Error.WriteLineAsync($"error: --output '{outputPath}' must end in .nii or .nii.gz").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            if (!File.Exists(inputPath) && !Directory.Exists(inputPath))
            {
                await context.Error.WriteLineAsync($"error: --input '{inputPath}' does not exist").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            var outcomes = await DicomToNiftiConverter.ConvertAsync(inputPath, outputPath, cancellationToken).ConfigureAwait(false);
            foreach (var o in outcomes)
            {
                if (o.Succeeded)
                {
                    await context.Out.WriteLineAsync($"converted {o.Series} -> {o.OutputPath}").ConfigureAwait(false);
                }
                else
                {
                    await context.Error.WriteLineAsync($"failed {o.Series}: {o.Error}").ConfigureAwait(false);
                }
            }
            return outcomes.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.InputsFailed;
        });
        return command;
    }
}
