using Microsoft.Extensions.Logging;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// Serves models from the plugins folder through a <see cref="LivePluginCatalog"/>: folders are loaded on first use and
/// reloaded when they change, between jobs (a model holds its plugin's lease until disposed). Disposing unloads the plugins.
/// Implements the Pipeline's <see cref="IModelProvider"/>: the pipeline never sees the loader, the host composes the two.
/// </summary>
public sealed class PluginCatalogModelProvider : IModelProvider, IDisposable
{
    private readonly int _maxThreads;

    /// <summary>Creates a provider for <paramref name="pluginsDirectory"/> (absolute).</summary>
    public PluginCatalogModelProvider(string pluginsDirectory, bool verifyHashes, int maxThreads, ILogger<PluginCatalog> logger)
        : this(pluginsDirectory, new PluginCatalogOptions { SkipFileHashes = !verifyHashes }, maxThreads, logger)
    {
    }

    /// <summary>Creates a provider for <paramref name="pluginsDirectory"/> (absolute) with full catalog options.</summary>
    public PluginCatalogModelProvider(string pluginsDirectory, PluginCatalogOptions options, int maxThreads, ILogger<PluginCatalog> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginsDirectory);
        Catalog = new LivePluginCatalog(pluginsDirectory, options, logger);
        _maxThreads = maxThreads;
    }

    /// <summary>The live catalog (plugin states for <c>models</c>, health).</summary>
    public LivePluginCatalog Catalog { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AvailableModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var models = await Catalog.ModelsAsync(cancellationToken).ConfigureAwait(false);
        return [.. models.Select(m => new AvailableModel(m.Model, m.Plugin.Manifest.Id, m.Plugin.Manifest.Version, m.Plugin.Directory))];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default) => Catalog.FailuresAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ISegmentationModel> CreateAsync(string modelId, CancellationToken cancellationToken = default) =>
        Catalog.CreateAsync(modelId, _maxThreads, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => Catalog.Dispose();
}
