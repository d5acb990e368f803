using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// The plugins folder kept in step with the disk: each use (a job creating its models, <c>models</c> listing) first looks
/// for changed plugin folders and reloads them, between jobs and never during one: a job holds a lease on each plugin it
/// uses (from model creation to model disposal) and a changed folder whose plugin is leased waits until the leases drop.
/// Replaced versions are unloaded (their collectible contexts go once nothing holds their types).
/// </summary>
public sealed class LivePluginCatalog : IDisposable
{
    private readonly string _root;
    private readonly PluginCatalogOptions _options;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _inService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset LoadedAt, DateTimeOffset? ReloadedAt)> _history = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelRefusal> _refusals = new(StringComparer.Ordinal);
    private HashSet<string> _pending = [];
    private PluginCatalog? _current;
    private DateTimeOffset _firstScan;

    /// <summary>Watches <paramref name="pluginsDirectory"/>; nothing is loaded before the first use.</summary>
    public LivePluginCatalog(string pluginsDirectory, PluginCatalogOptions? options = null, ILogger<PluginCatalog>? logger = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginsDirectory);
        _root = Path.GetFullPath(pluginsDirectory);
        _options = options ?? new PluginCatalogOptions();
        _logger = logger ?? NullLogger<PluginCatalog>.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The catalog in service after loading any changed folder whose plugin no job holds.</summary>
    public async Task<PluginCatalog> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Creates a model holding leases on its plugin (and backend plugin) until disposed; its forwards are guarded
    /// (<see cref="PluginFaultException"/> names the plugin when one throws or does not return after cancellation).
    /// A model that fails to be created is listed as refused (<see cref="FailuresAsync"/>, <see cref="StatesAsync"/>) until
    /// its plugin or backend folder changes or a later creation succeeds.
    /// </summary>
    public async Task<ISegmentationModel> CreateAsync(string modelId, int maxThreads = 0, CancellationToken cancellationToken = default)
    {
        ModelRegistration registration;
        PluginLeases leases;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            registration = (await RefreshAsync(cancellationToken).ConfigureAwait(false)).Place(modelId, _options.Target);
            leases = PluginLeases.Take(registration);
        }
        finally
        {
            _gate.Release();
        }
        try
        {
            var model = registration.Create(maxThreads, cancellationToken);
            _refusals.TryRemove(modelId, out _);
            LogPlacement(registration, model);
            return new HostedModel(model, registration.Plugin, leases, _options.ForwardCancellationGrace, RecordFault);
        }
        catch (InvalidOperationException ex)
        {
            // The plugin's code (or its backend) failed to build the model: a load error, shown like a refusal at load.
            leases.Dispose();
            Refuse(registration, ex.Message);
            throw;
        }
        catch
        {
            leases.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every refusal's reason: plugin folders refused at load, models the catalog refused, and models that failed when
    /// created (each until its folder changes); what <c>models</c>, health and the dashboard show.
    /// </summary>
    public async Task<IReadOnlyList<string>> FailuresAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return [.. catalog.Failures.Select(f => f.Reason), .. _refusals.Values.OrderBy(r => r.ModelId, StringComparer.Ordinal).Select(r => r.Reason)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The models of the catalog in service that are not refused (<see cref="FailuresAsync"/>).</summary>
    public async Task<IReadOnlyList<ModelRegistration>> ModelsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return [.. catalog.Models.Where(m => !_refusals.ContainsKey(m.Model.Id))];
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Refuse(ModelRegistration registration, string cause)
    {
        var manifest = Path.Combine(registration.Plugin.Directory, PluginContract.ManifestFileName);
        var refusal = new ModelRefusal(registration.Model.Id, registration.Plugin.Directory, registration.Backend?.Directory,
            $"{manifest}: model '{registration.Model.Id}' refused when created: {cause}");
        if (_refusals.TryGetValue(refusal.ModelId, out var known) && known == refusal)
        {
            return;
        }
        _refusals[refusal.ModelId] = refusal;
        PluginLog.Refused(_logger, refusal.Directory, refusal.Reason);
    }

    private void LogPlacement(ModelRegistration registration, ISegmentationModel model)
    {
        var backend = registration.Backend?.ExecutionBackend ?? ExecutionBackends.Builtin;
        if (model is IModelPlacement { Note: { } note } noted)
        {
            PluginLog.PlacedWithNote(_logger, registration.Model.Id, backend, noted.Device.ToString(), note);
        }
        else
        {
            PluginLog.Placed(_logger, registration.Model.Id, backend, (model as IModelPlacement)?.Device.ToString() ?? ExecutionDevice.Cpu.ToString());
        }
    }

    /// <summary>Every plugin folder with its state (loaded / refused and why / reloaded at / leases / last fault).</summary>
    public async Task<IReadOnlyList<PluginState>> StatesAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            var folders = catalog.Plugins.Select(p => p.Directory).Concat(catalog.Failures.Select(f => f.Directory)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return [.. folders.Select(dir => State(catalog, dir))];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unloads every plugin in service (models created from them must already be disposed).</summary>
    public void Dispose()
    {
        _current?.Dispose();
        _gate.Dispose();
    }

    private PluginState State(PluginCatalog catalog, string dir)
    {
        var plugin = catalog.Plugins.FirstOrDefault(p => p.Directory == dir);
        var (loadedAt, reloadedAt) = _history.TryGetValue(dir, out var h) ? h : (_firstScan, null);
        return new PluginState(dir, plugin?.Manifest.Id, plugin?.Manifest.Version, plugin is null ? PluginStatus.Refused : PluginStatus.Loaded,
            [.. catalog.Failures.Where(f => f.Directory == dir).Select(f => f.Reason), .. _refusals.Values.Where(r => r.Directory == dir).OrderBy(r => r.ModelId, StringComparer.Ordinal).Select(r => r.Reason)], loadedAt, reloadedAt, plugin?.Leases ?? 0,
            _pending.Contains(dir), _faults.GetValueOrDefault(dir));
    }

    private void RecordFault(LoadedPlugin plugin, string modelId, string fault)
    {
        PluginLog.ForwardFault(_logger, plugin.Manifest.Id, modelId, fault);
        _faults[plugin.Directory] = $"{_time.GetUtcNow():u}: {fault}";
    }

    /// <summary>Loads changed folders unless their plugin is leased; runs under the gate, so no lease is taken meanwhile.</summary>
    private async Task<PluginCatalog> RefreshAsync(CancellationToken cancellationToken)
    {
        var scan = PluginFingerprint.Scan(_root);
        var changed = scan.Keys.Union(_inService.Keys)
            .Where(d => !(scan.TryGetValue(d, out var now) && _inService.TryGetValue(d, out var before) && now == before))
            .ToHashSet(StringComparer.Ordinal);
        if (_current is not null && changed.Count == 0)
        {
            return _current;
        }
        var previous = _current?.Plugins.ToDictionary(p => p.Directory, StringComparer.Ordinal) ?? [];
        var pending = changed.Where(d => scan.ContainsKey(d) && previous.TryGetValue(d, out var p) && p.Leases > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in pending.Except(_pending))
        {
            PluginLog.ReloadPending(_logger, dir, previous[dir].Leases);
        }
        _pending = pending;
        if (_current is not null && changed.SetEquals(pending))
        {
            return _current;
        }
        var keep = previous.Where(kv => !changed.Contains(kv.Key) || pending.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal);
        var next = await PluginCatalog.LoadAsync(_root, _options, _logger, dir => keep.GetValueOrDefault(dir), cancellationToken).ConfigureAwait(false);
        Record(scan, changed.Except(pending), next);
        var inService = next.Plugins.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var replaced in previous.Values.Where(p => !inService.Contains(p)))
        {
            replaced.Retire();
        }
        _current = next;
        return next;
    }

    private void Record(Dictionary<string, string> scan, IEnumerable<string> loaded, PluginCatalog next)
    {
        var now = _time.GetUtcNow();
        if (_current is null)
        {
            _firstScan = now;
        }
        foreach (var dir in loaded)
        {
            // A changed folder (new weights, the native library put back) gets a fresh try at creating its models.
            foreach (var refusal in _refusals.Values.Where(r => r.DependsOn(dir)))
            {
                _refusals.TryRemove(refusal.ModelId, out _);
            }
            if (!scan.TryGetValue(dir, out var fingerprint))
            {
                _inService.Remove(dir);
                _history.Remove(dir);
                _faults.TryRemove(dir, out _);
                continue;
            }
            _inService[dir] = fingerprint;
            if (_history.TryGetValue(dir, out var seen))
            {
                _history[dir] = (seen.LoadedAt, now);
                _faults.TryRemove(dir, out _);
                var plugin = next.Plugins.FirstOrDefault(p => p.Directory == dir);
                PluginLog.Reloaded(_logger, dir, plugin?.Manifest.Id ?? "(refused)", plugin?.Manifest.Version ?? "-");
            }
            else
            {
                _history[dir] = (now, null);
            }
        }
    }
}
