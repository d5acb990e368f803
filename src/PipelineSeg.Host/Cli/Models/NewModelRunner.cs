using PipelineSeg.Nn;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>The work of <c>models new</c> once the request parsed: family, network, strict load, folder, reload check.</summary>
internal static class NewModelRunner
{
    public static async Task<int> RunAsync(CliContext context, PluginCatalog catalog, NewModelRequest request, CancellationToken cancellationToken)
    {
        LoadedPlugin family;
        INetworkFactory factory;
        NetworkDescription description;
        string target;
        try
        {
            (family, factory) = FindFamily(catalog, request);
            description = factory.Describe(new NetworkParameters(request.Parameters));
            NewModelManifest.CheckClasses(description, request.Classes.Count);
            if (request.Size % description.SizeMultiple != 0)
            {
                throw new ArgumentException($"--size {request.Size} must be a multiple of {description.SizeMultiple} for this network");
            }
            target = Path.GetFullPath(request.Output ?? Path.Combine(catalog.Directory, request.Name));
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                throw new ArgumentException($"{target} already exists and is not empty");
            }
        }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }
        if (Directory.Exists(target))
        {
            Directory.Delete(target);
        }
        using var network = factory.CreateNetwork(new NetworkParameters(request.Parameters));
        try
        {
            CheckpointLoader.Load(network, request.Checkpoint);
        }
        catch (Exception e) when (e is StateDictMismatchException or UnpicklingRefusedException or InvalidDataException)
        {
            await context.Error.WriteLineAsync($"error: {request.Checkpoint} does not fit {factory.Family} preset {request.Preset}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InputsFailed;
        }
        var manifest = await PluginFolderWriter.WriteAsync(family, factory.Family, request, description, network, target, cancellationToken).ConfigureAwait(false);
        // Load the new folder as the service would (manifest, hashes, contract, code, model creation); a folder that
        // would be refused is removed rather than left for the service to refuse.
        using (var check = await PluginCatalog.LoadAsync(Path.GetDirectoryName(target)!, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (check.Failures.FirstOrDefault(f => string.Equals(Path.GetFullPath(f.Directory), target, StringComparison.Ordinal)) is { } failure)
            {
                Directory.Delete(target, recursive: true);
                await context.Error.WriteLineAsync($"error: the plugin folder would not load, removed it: {failure.Reason}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
            using var model = check.GetModel(request.Name).Create(0, cancellationToken);
        }
        var m = manifest.Models[0];
        await context.Out.WriteLineAsync($"wrote {target}: plugin {manifest.Id}, model {m.Id} ({factory.Family} preset {request.Preset}, "
            + $"{network.ParameterCount():N0} parameters; input {m.Input.Channels}x{m.Input.Height}x{m.Input.Width}; classes {string.Join(", ", m.Output.Classes.Select(c => c.Label))}); "
            + $"weights sha256 {m.Files[0].Sha256}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static (LoadedPlugin, INetworkFactory) FindFamily(PluginCatalog catalog, NewModelRequest request)
    {
        if (request.Plugin is { } name)
        {
            var found = FamilyPlugins.Find(catalog, name);
            NetworkParameters.CheckPreset(found.Factory.Family, request.Preset, found.Factory.Presets);
            return found;
        }
        var candidates = catalog.Plugins
            .Select(p => (Plugin: p, Factory: p.GetEntry<INetworkFactory>()))
            .Where(p => p.Factory is not null && p.Factory.Presets.Contains(request.Preset, StringComparer.Ordinal))
            .Select(p => (p.Plugin, p.Factory!))
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ArgumentException($"no family plugin in {catalog.Directory} has preset '{request.Preset}'"),
            _ => throw new ArgumentException($"preset '{request.Preset}' is offered by {string.Join(", ", candidates.Select(c => c.Item1.Manifest.Id))}: choose one with --plugin"),
        };
    }
}
