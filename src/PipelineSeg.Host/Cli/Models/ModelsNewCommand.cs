using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using PipelineSeg.Nn;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>
/// <c>pipelineseg models new --from-checkpoint FILE --preset P --name N [--params JSON]</c>: builds the family network of
/// preset P, loads the checkpoint strictly (safetensors or torch.save through the restricted unpickler) and writes a ready
/// plugin folder (code of the family plugin, float32 safetensors, plugin.json with SHA-256), then loads it as the
/// service would. Exit 0 written and loadable, 1 the checkpoint does not fit, 2 usage errors.
/// </summary>
internal static partial class ModelsNewCommand
{
    public static Command Build(CliContext context)
    {
        var checkpoint = ModelFileOptions.ExistingFile("--from-checkpoint", "PyTorch state dict (.pt/.pth, read without executing pickle code) or .safetensors");
        var preset = new Option<string>("--preset") { Description = "Reference implementation: milesial, variant, pipelineseg (unet); junyanz (cyclegan)", Required = true, HelpName = "preset" };
        var name = new Option<string>("--name") { Description = "Model id and plugin folder name (lowercase letters, digits, '.', '-', '_')", Required = true, HelpName = "name" };
        var parameters = ModelFileOptions.Parameters();
        var plugin = new Option<string?>("--plugin") { Description = "Family plugin, when the preset alone does not decide", HelpName = "name" };
        var output = new Option<string?>("--output", "-o") { Description = "Plugin folder to create (default: plugins folder/NAME)", HelpName = "dir" };
        var size = new Option<int>("--size") { Description = "Input height and width in pixels", DefaultValueFactory = _ => 256 };
        var window = new Option<string>("--window") { Description = "CT window CENTER,WIDTH mapped to [0, 1]", DefaultValueFactory = _ => "50,400", HelpName = "c,w" };
        var labels = new Option<string>("--labels")
        {
            Description = $"Class labels, background first, comma-separated; each but the background one of {string.Join(", ", SegmentCodes.Labels)} (SNOMED CT coded)",
            Required = true,
            HelpName = "list",
        };
        var plugins = CliOptions.Plugins();
        var command = new Command("new", "Turn a PyTorch checkpoint of a supported reference implementation into a ready plugin folder")
        {
            checkpoint, preset, name, parameters, plugin, output, size, window, labels, plugins,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CliOptions.PluginsOverride(parse, plugins);
            return CommandHost.RunAsync(context, parse, overrides, _ => { }, async (host, ct) =>
            {
                NewModelRequest request;
                try
                {
                    request = Request(parse.GetValue(checkpoint)!.FullName, parse.GetValue(preset)!, parse.GetValue(name)!, parse.GetValue(parameters),
                        parse.GetValue(plugin), parse.GetValue(output), parse.GetValue(size), parse.GetValue(window)!, parse.GetValue(labels)!);
                }
                catch (FormatException e)
                {
                    await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
                using var catalog = await ModelsVerifyCommand.LoadCatalogAsync(host.Services, ct).ConfigureAwait(false);
                return await NewModelRunner.RunAsync(context, catalog, request, ct).ConfigureAwait(false);
            }, cancellationToken);
        });
        return command;
    }

    private static NewModelRequest Request(string checkpoint, string preset, string name, string? json, string? plugin, string? output, int size,
        string window, string labels)
    {
        if (!ModelName().IsMatch(name))
        {
            throw new FormatException($"--name '{name}' must be lowercase letters, digits, '.', '-' or '_' (it becomes a folder and a model id)");
        }
        var values = NetworkParametersJson.Parse(json);
        if (values.TryGetValue(NetworkParameters.PresetKey, out var given) && given != preset)
        {
            throw new FormatException($"--params names preset '{given}', --preset '{preset}'");
        }
        values[NetworkParameters.PresetKey] = preset;
        var parts = window.Split(',');
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width) || width <= 0)
        {
            throw new FormatException($"--window '{window}' must be CENTER,WIDTH with a positive width, e.g. 50,400");
        }
        if (size is < 8 or > 4096)
        {
            throw new FormatException($"--size {size} must be 8 to 4096");
        }
        return new NewModelRequest(checkpoint, preset, name, values, plugin, output, size, (center, width),
            SegmentCodes.Classes(labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex ModelName();
}
