using System.CommandLine;
using System.Text.Json;
using PipelineSeg.Host.Cli.Inspection;
using PipelineSeg.Host.Cli.Rendering;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg inspect --input PATH [--deep] [--json]</c>: what series a folder or file holds and what is wrong with them.</summary>
internal sealed class InspectCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var input = CliOptions.ExistingInput("DICOM folder (scanned recursively) or file");
        input.Required = false;
        // Earlier releases took the path as an argument; still accepted, but not shown: --input is the one documented way.
        var legacyPath = new Argument<string?>("path") { Arity = ArgumentArity.ZeroOrOne, Hidden = true };
        var deep = new Option<bool>("--deep") { Description = "Also decode the pixel data of every frame (slower); by default only headers are read, so damaged pixel data is not found" };
        var json = CliOptions.Json();
        var command = new Command("inspect", "List the DICOM series found (UIDs, modality, slices, size, spacing, transfer syntaxes, problems); "
            + "SEGs with their segments, frames and referenced series; broken files with the reason. Exit code 1 when a file is broken or a series has problems.")
        {
            input, legacyPath, deep, json,
        };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(input);
            var legacy = result.GetValue(legacyPath);
            if (given is null && legacy is null)
            {
                result.AddError("--input is required");
            }
            else if (given is not null && legacy is not null)
            {
                result.AddError($"give the path once, as --input (also got '{legacy}')");
            }
            else if (legacy is not null && !CliPaths.Exists(legacy))
            {
                result.AddError($"--input '{legacy}' does not exist");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = Path.GetFullPath(parse.GetValue(input) ?? parse.GetValue(legacyPath)!);
            var report = await Inspector.InspectAsync(target, parse.GetValue(deep), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await InspectText.WriteAsync(context.Out, report).ConfigureAwait(false);
            }
            return report.HasFailures ? ExitCodes.InputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}
