using Microsoft.Extensions.Logging;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// Serves models from the plugins folder through <see cref="PluginCatalog"/> (collectible load contexts sharing only
/// the contract assemblies). The folder is scanned once, on first use; disposing unloads the plugins.
/// Implements the Pipeline's <see cref="IModelProvider"/>: the pipeline never sees the loader, the host composes the two.
/// </summary>
public sealed class PluginCatalogModelProvider : IModelProvider, IDisposable
{
    private readonly string _directory;
    private readonly PluginCatalogOptions _options;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _maxThreads;
    private PluginCatalog? _catalog;

    /// <summary>Creates a provider for <paramref name="pluginsDirectory"/> (absolute).</summary>
    public PluginCatalogModelProvider(string pluginsDirectory, bool verifyHashes, int maxThreads, ILogger<PluginCatalog> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginsDirectory);
        _directory = pluginsDirectory;
        _options = new PluginCatalogOptions { SkipFileHashes = !verifyHashes };
        _maxThreads = maxThreads;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AvailableModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        return [.. catalog.Models.Select(m => new AvailableModel(m.Model, m.Plugin.Manifest.Id, m.Plugin.Manifest.Version, m.Plugin.Directory))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        return [.. catalog.Failures.Select(f => f.Reason)];
    }

    /// <inheritdoc />
    public async Task<ISegmentationModel> CreateAsync(string modelId, CancellationToken cancellationToken = default)
    {
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        return catalog.GetModel(modelId).Create(_maxThreads, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _catalog?.Dispose();
        _gate.Dispose();
    }

    private async Task<PluginCatalog> CatalogAsync(CancellationToken cancellationToken)
    {
        if (_catalog is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _catalog ??= await PluginCatalog.LoadAsync(_directory, _options, _logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
