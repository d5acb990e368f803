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
    private readonly ExecutionTarget _target;
    private PluginCatalog? _catalog;

    /// <summary>Creates a provider for <paramref name="pluginsDirectory"/> (absolute); models run on <paramref name="target"/>
    /// (default: each model's own backend, CPU).</summary>
    public PluginCatalogModelProvider(string pluginsDirectory, bool verifyHashes, int maxThreads, ILogger<PluginCatalog> logger, ExecutionTarget? target = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginsDirectory);
        _directory = pluginsDirectory;
        _target = target ?? ExecutionTarget.Default;
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
        var model = catalog.CreateModel(modelId, _target, _maxThreads, cancellationToken);
        var backend = _target.Backend ?? model.Manifest.Backend;
        switch (model)
        {
            case IModelPlacement { Note: { } note } placed:
                PluginLog.PlacedWithNote(_logger, modelId, backend, placed.Device.ToString(), note);
                break;
            case IModelPlacement placed:
                PluginLog.Placed(_logger, modelId, backend, placed.Device.ToString());
                break;
            default:
                PluginLog.Placed(_logger, modelId, backend, ExecutionDevice.Cpu.ToString());
                break;
        }
        return model;
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
