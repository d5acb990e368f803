using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>A plugin whose manifest, files and entry type checked out, loaded into its own collectible context.</summary>
public sealed class LoadedPlugin
{
    private PluginLoadContext? _context;
    private ISegmentationModelPlugin? _instance;

    internal LoadedPlugin(string directory, PluginManifest manifest, PluginLoadContext context, ISegmentationModelPlugin instance, IReadOnlyList<string> warnings)
    {
        Directory = directory;
        Manifest = manifest;
        _context = context;
        _instance = instance;
        Warnings = warnings;
    }

    /// <summary>The plugin folder.</summary>
    public string Directory { get; }

    /// <summary>The validated manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>Things that did not stop loading but deserve attention (e.g. an ignored copy of a shared assembly).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The plugin's load context until <see cref="Unload"/> (tests watch it being collected).</summary>
    internal PluginLoadContext? LoadContext => _context;

    /// <summary>True once <see cref="Unload"/> ran.</summary>
    public bool IsUnloaded => _context is null;

    /// <summary>Creates a model of this plugin; the caller disposes it before the plugin is unloaded.</summary>
    /// <exception cref="InvalidOperationException">The plugin was unloaded, or its code failed (message names plugin and model).</exception>
    public ISegmentationModel CreateModel(ModelManifest model, int maxThreads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var instance = _instance ?? throw new InvalidOperationException($"plugin '{Manifest.Id}' has been unloaded");
        try
        {
            return instance.CreateModel(model, new ModelCreationContext(Directory, maxThreads), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"plugin '{Manifest.Id}' ({Directory}) failed to create model '{model.Id}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Starts unloading the plugin's context. It completes once no one holds plugin objects (models must be disposed and dropped).
    /// </summary>
    public void Unload()
    {
        _instance = null;
        _context?.Unload();
        _context = null;
    }
}
