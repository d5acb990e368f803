using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;
using PipelineSeg.Nn;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Plugins.Hosting;
using PipelineSeg.Tensors;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>
/// <c>pipelineseg models verify --plugin NAME --weights FILE [--params JSON] --input X.npy --expected Y.npy [--tolerance 1e-4]</c>:
/// builds the family's raw network from the reference constructor's arguments, loads safetensors or torch.save weights,
/// runs the NCHW float32 input in eval mode (no pre- or post-processing) and compares with the reference's output.
/// Exit 0 within tolerance, 1 beyond it or when the weights do not fit, 2 for usage errors.
/// </summary>
internal static class ModelsVerifyCommand
{
    public static Command Build(CliContext context)
    {
        var plugin = ModelFileOptions.Plugin();
        var weights = ModelFileOptions.ExistingFile("--weights", "Weights: .safetensors or a torch.save state dict (.pt/.pth, read without executing pickle code)");
        var parameters = ModelFileOptions.Parameters();
        var input = ModelFileOptions.ExistingFile("--input", "Input tensor, NCHW float32 .npy", "-i");
        var expected = ModelFileOptions.ExistingFile("--expected", "The reference implementation's output for --input, float32 .npy");
        var tolerance = new Option<double>("--tolerance") { Description = "Largest allowed absolute difference", DefaultValueFactory = _ => 1e-4 };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Also write our output as .npy", HelpName = "file" };
        var plugins = CliOptions.Plugins();
        var json = CliOptions.Json();
        var command = new Command("verify", "Run a family's raw network on weights trained elsewhere and compare with the reference implementation's output")
        {
            plugin, weights, parameters, input, expected, tolerance, output, plugins, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CliOptions.PluginsOverride(parse, plugins);
            return CommandHost.RunAsync(context, parse, overrides, _ => { }, async (host, ct) =>
            {
                Dictionary<string, string> values;
                try
                {
                    values = NetworkParametersJson.Parse(parse.GetValue(parameters));
                }
                catch (FormatException e)
                {
                    await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
                using var catalog = await LoadCatalogAsync(host.Services, ct).ConfigureAwait(false);
                var request = new VerifyRequest(parse.GetValue(plugin)!, values, parse.GetValue(weights)!.FullName, parse.GetValue(input)!.FullName,
                    parse.GetValue(expected)!.FullName, parse.GetValue(tolerance), parse.GetValue(output)?.FullName);
                return await RunAsync(context, catalog, request, parse.GetValue(json)).ConfigureAwait(false);
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>The plugins folder of the configuration (hash checks as configured).</summary>
    public static Task<PluginCatalog> LoadCatalogAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<PluginsOptions>>().Value;
        return PluginCatalog.LoadAsync(AppPaths.Resolve(options.Directory), new PluginCatalogOptions { SkipFileHashes = !options.VerifyHashes },
            services.GetRequiredService<ILogger<PluginCatalog>>(), cancellationToken);
    }

    private static async Task<int> RunAsync(CliContext context, PluginCatalog catalog, VerifyRequest request, bool json)
    {
        INetworkFactory factory;
        string pluginId;
        NetworkParameters parameters;
        Module network;
        try
        {
            (var loaded, factory) = FamilyPlugins.Find(catalog, request.Plugin);
            pluginId = loaded.Manifest.Id;
            parameters = new NetworkParameters(request.Parameters);
            network = factory.CreateNetwork(parameters);
        }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        using (network)
        {
            NetworkComparison comparison;
            try
            {
                CheckpointLoader.Load(network, request.Weights);
                using var x = NpyFile.ReadTensor(request.Input);
                using var y = network.Forward(x);
                if (request.Output is { } path)
                {
                    NpyFile.Write(path, y);
                }
                comparison = NetworkComparison.Compare(y, NpyFile.Read(request.Expected));
            }
            catch (Exception e) when (e is StateDictMismatchException or UnpicklingRefusedException or InvalidDataException or ArgumentException or KeyNotFoundException)
            {
                await context.Error.WriteLineAsync($"error: {pluginId}: {CliErrors.Describe(e)}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
            var passed = comparison.MaxAbsDifference <= request.Tolerance;
            var preset = parameters.Preset(factory.Presets[0]);
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    Plugin = pluginId, factory.Family, Preset = preset, request.Weights, Parameters = network.ParameterCount(),
                    comparison.Shape, comparison.MaxAbsDifference, comparison.WorstIndex, request.Tolerance, Passed = passed,
                }, ReportJson.Options)).ConfigureAwait(false);
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                await context.Out.WriteLineAsync(string.Create(c, $"{pluginId} ({factory.Family}, preset {preset}): {network.ParameterCount():N0} parameters from {request.Weights}")).ConfigureAwait(false);
                await context.Out.WriteLineAsync(string.Create(c,
                    $"output [{string.Join(", ", comparison.Shape)}]: max abs difference {comparison.MaxAbsDifference:E3} at element {comparison.WorstIndex} "
                    + $"(ours {comparison.Ours:G9}, expected {comparison.Reference:G9}); tolerance {request.Tolerance:E1}: {(passed ? "PASS" : "FAIL")}")).ConfigureAwait(false);
            }
            return passed ? ExitCodes.Ok : ExitCodes.InputsFailed;
        }
    }

    private sealed record VerifyRequest(string Plugin, IReadOnlyDictionary<string, string> Parameters, string Weights, string Input, string Expected,
        double Tolerance, string? Output);
}
