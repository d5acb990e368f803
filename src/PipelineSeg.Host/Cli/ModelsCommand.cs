using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PipelineSeg.Host.Cli.Models;
using PipelineSeg.Host.Composition;
using PipelineSeg.Plugins.Hosting;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg models [--check] [--json]</c>: the models the plugins folder serves, each plugin folder's state (loaded /
/// refused + reason / reloaded at), and plugins that were refused (with <c>--check</c> also models that fail when created);
/// subcommands <c>verify</c> (parity of a family's network with a reference output) and <c>new</c> (checkpoint to plugin folder).</summary>
internal sealed class ModelsCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var json = CliOptions.Json();
        var plugins = CliOptions.Plugins();
        var check = new Option<bool>("--check")
        {
            Description = "Create each model once on its backend and device, so a model that fails at load (missing native library, "
                + "device not available, graph shapes disagreeing with the manifest) is listed refused with its cause",
        };
        var command = new Command("models", "List the segmentation models served by the plugins folder (refused plugins with their reason)") { json, plugins, check };
        command.Subcommands.Add(ModelsVerifyCommand.Build(context));
        command.Subcommands.Add(ModelsNewCommand.Build(context));
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CliOptions.PluginsOverride(parse, plugins);
            return CommandHost.RunAsync(context, parse, overrides, b => b.AddPipelineSegProcessing(), async (host, ct) =>
            {
                var provider = host.Services.GetRequiredService<PluginCatalogModelProvider>();
                if (parse.GetValue(check))
                {
                    await CreateEachAsync(provider, ct).ConfigureAwait(false);
                }
                var models = await provider.ListAsync(ct).ConfigureAwait(false);
                var failures = await provider.FailuresAsync(ct).ConfigureAwait(false);
                var states = await provider.Catalog.StatesAsync(ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    var payload = new
                    {
                        Models = models.Select(m => new
                        {
                            m.Model.Id, m.Model.Name, m.Model.Version, m.Model.Family, m.Model.Description,
                            Plugin = m.PluginId, m.PluginVersion, m.PluginDirectory,
                            Input = new { m.Model.Input.Channels, m.Model.Input.Width, m.Model.Input.Height, m.Model.Input.PixelSpacingMm },
                            Output = new { m.Model.Output.Kind, Classes = m.Model.Output.Classes.Select(c => c.Label) },
                            m.Model.Capabilities,
                        }),
                        Plugins = states.Select(PluginStateView.Json),
                        Failures = failures,
                    };
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(payload, ReportJson.Options)).ConfigureAwait(false);
                }
                else
                {
                    foreach (var m in models)
                    {
                        await context.Out.WriteLineAsync($"{m.Model.Id} {m.Model.Version}  {m.Model.Name}").ConfigureAwait(false);
                        await context.Out.WriteLineAsync($"    plugin {m.PluginId} {m.PluginVersion}; {m.Model.Family}; input {m.Model.Input.Channels}x{m.Model.Input.Height}x{m.Model.Input.Width}; classes {string.Join(", ", m.Model.Output.Classes.Select(c => c.Label))}").ConfigureAwait(false);
                        await context.Out.WriteLineAsync(m.Model.IntendedUse is { } card ? $"    intended use: {card.Summary}{(card.ResearchOnly ? " (research only)" : string.Empty)}" : "    intended use: not stated (no model card)").ConfigureAwait(false);
                    }
                    foreach (var state in states)
                    {
                        await context.Out.WriteLineAsync(PluginStateView.Line(state)).ConfigureAwait(false);
                    }
                    foreach (var f in failures)
                    {
                        await context.Error.WriteLineAsync($"refused: {f}").ConfigureAwait(false);
                    }
                    await context.Out.WriteLineAsync($"{models.Count} model(s), {failures.Count} plugin(s) refused").ConfigureAwait(false);
                }
                return failures.Count > 0 ? ExitCodes.InputsFailed : ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    // A model that fails to be created is recorded as refused by the catalog (listed below with its cause).
    private static async Task CreateEachAsync(PluginCatalogModelProvider provider, CancellationToken cancellationToken)
    {
        foreach (var available in await provider.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                using var model = await provider.CreateAsync(available.Model.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Listed as refused with its cause; the other models are still checked.
            }
        }
    }
}
