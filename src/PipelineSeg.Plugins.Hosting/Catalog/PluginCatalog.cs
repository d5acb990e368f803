using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// The plugins found in a plugins folder (one subfolder per plugin) and the models they serve. Broken plugins are
/// listed in <see cref="Failures"/> with a reason instead of failing the host. Disposing unloads every plugin.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private readonly Dictionary<string, ModelRegistration> _models;
    private readonly Dictionary<string, LoadedPlugin> _backends;

    private PluginCatalog(string directory, List<LoadedPlugin> plugins, List<PluginFailure> failures, Dictionary<string, ModelRegistration> models,
        Dictionary<string, LoadedPlugin> backends)
    {
        Directory = directory;
        _backends = backends;
        Plugins = plugins;
        Failures = failures;
        _models = models;
        Models = [.. models.Values.OrderBy(m => m.Model.Id, StringComparer.Ordinal)];
    }

    /// <summary>The scanned plugins folder.</summary>
    public string Directory { get; }

    /// <summary>Plugins that loaded.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Plugin folders that were refused, with reasons.</summary>
    public IReadOnlyList<PluginFailure> Failures { get; }

    /// <summary>Every model of every loaded plugin, ordered by id.</summary>
    public IReadOnlyList<ModelRegistration> Models { get; }

    /// <summary>Scans <paramref name="pluginsDirectory"/>; a missing folder gives an empty catalog with one failure.</summary>
    public static Task<PluginCatalog> LoadAsync(string pluginsDirectory, PluginCatalogOptions? options = null,
        ILogger<PluginCatalog>? logger = null, CancellationToken cancellationToken = default) =>
        LoadAsync(pluginsDirectory, options, logger, reuse: null, cancellationToken);

    /// <summary>
    /// Scans like <see cref="LoadAsync(string, PluginCatalogOptions?, ILogger{PluginCatalog}?, CancellationToken)"/>, taking
    /// the already loaded plugin <paramref name="reuse"/> gives for a folder instead of loading it again (hot reload keeps
    /// unchanged and leased plugins). A reused plugin that is refused now is left to the caller to retire, never unloaded here.
    /// </summary>
    internal static async Task<PluginCatalog> LoadAsync(string pluginsDirectory, PluginCatalogOptions? options,
        ILogger<PluginCatalog>? logger, Func<string, LoadedPlugin?>? reuse, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginsDirectory);
        options ??= new PluginCatalogOptions();
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var root = Path.GetFullPath(pluginsDirectory);
        var plugins = new List<LoadedPlugin>();
        var failures = new List<PluginFailure>();
        var models = new Dictionary<string, ModelRegistration>(StringComparer.Ordinal);
        var backends = new Dictionary<string, LoadedPlugin>(StringComparer.OrdinalIgnoreCase);
        if (!System.IO.Directory.Exists(root))
        {
            failures.Add(new PluginFailure(root, $"{root}: plugins folder does not exist"));
            PluginLog.Refused(log, root, failures[0].Reason);
            return new PluginCatalog(root, plugins, failures, models, backends);
        }
        foreach (var dir in System.IO.Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var kept = reuse?.Invoke(dir);
            var (plugin, failure) = kept is not null ? (kept, null) : await LoadFolderAsync(dir, options, cancellationToken).ConfigureAwait(false);
            if (plugin is not null)
            {
                failure = RegisterBackend(plugin, backends) ?? Register(plugin, models);
            }
            if (failure is not null)
            {
                if (kept is null)
                {
                    plugin?.Unload();
                }
                failures.Add(failure);
                PluginLog.Refused(log, dir, failure.Reason);
                continue;
            }
            plugins.Add(plugin!);
            failures.AddRange(CheckModels(plugin!, models, options, log));
            if (kept is not null)
            {
                continue;
            }
            PluginLog.Loaded(log, plugin!.Manifest.Id, plugin.Manifest.Version, plugin.Manifest.Models.Count, dir);
            foreach (var warning in plugin.Warnings)
            {
                PluginLog.Warning(log, plugin.Manifest.Id, warning);
            }
        }
        foreach (var refused in BindBackends(models, backends))
        {
            failures.Add(refused);
            PluginLog.Refused(log, refused.Directory, refused.Reason);
        }
        return new PluginCatalog(root, plugins, failures, models, backends);
    }

    /// <summary>Finds a model by id.</summary>
    public bool TryGetModel(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelRegistration? registration) =>
        _models.TryGetValue(modelId, out registration);

    /// <summary>The model with this id.</summary>
    /// <exception cref="KeyNotFoundException">No loaded plugin serves it; the message lists the models there are.</exception>
    public ModelRegistration GetModel(string modelId) => TryGetModel(modelId, out var r)
        ? r
        : throw new KeyNotFoundException($"no plugin in {Directory} serves model '{modelId}' (available: {string.Join(", ", _models.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>Names of the execution backends installed as plugins (besides the builtin engine), in order.</summary>
    public IReadOnlyList<string> Backends => [.. _backends.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Model <paramref name="modelId"/> placed on <paramref name="target"/>'s backend (its own when the target names none)
    /// and device: <see cref="ModelRegistration.Backend"/> is the plugin that will run it. A native family model runs on
    /// another backend when that backend can rebuild it (torch from the state dict) or finds its graph file (role
    /// <c>onnx</c>/<c>torchscript</c>); a package model only on its own backend.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No plugin serves the model.</exception>
    /// <exception cref="InvalidOperationException">The backend is not installed or cannot take the device (message names the cause).</exception>
    public ModelRegistration Place(string modelId, ExecutionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var registration = GetModel(modelId);
        var backend = target.Backend ?? registration.Model.Backend;
        if (ExecutionBackends.IsBuiltin(backend))
        {
            if (!ExecutionBackends.IsBuiltin(registration.Model.Backend))
            {
                throw new InvalidOperationException($"plugin '{registration.Plugin.Manifest.Id}' ({registration.Plugin.Directory}): model '{modelId}' "
                    + $"is a '{registration.Model.Backend}' model and cannot run on the builtin engine");
            }
            if (target.Device.Kind == ExecutionDeviceKind.Cuda)
            {
                throw new InvalidOperationException($"model '{modelId}': the builtin engine runs on the CPU only, device '{target.Device}' needs "
                    + $"backend '{ExecutionBackends.Torch}' or '{ExecutionBackends.Onnx}'");
            }
            if (target.Precision != ExecutionPrecision.Fp32)
            {
                throw new InvalidOperationException($"model '{modelId}': the builtin engine computes in fp32 only, precision "
                    + $"'{target.Precision.Name()}' needs backend '{ExecutionBackends.Torch}'");
            }
            return registration with { Backend = null, Device = ExecutionDevice.Cpu };
        }
        if (!_backends.TryGetValue(backend, out var provider))
        {
            var installed = _backends.Count == 0 ? "none installed" : string.Join(", ", Backends);
            throw new InvalidOperationException($"model '{modelId}': execution backend '{backend}' is not installed in {Directory} (builtin; {installed})");
        }
        return registration with { Backend = provider, Device = target.Device, Precision = target.Precision };
    }

    /// <summary>Creates model <paramref name="modelId"/> on <paramref name="target"/> (<see cref="Place"/>); the caller disposes it.</summary>
    /// <exception cref="KeyNotFoundException">No plugin serves the model.</exception>
    /// <exception cref="InvalidOperationException">The backend is not installed, cannot run the model, or the device is
    /// unavailable; the message names the plugin and the cause.</exception>
    public ISegmentationModel CreateModel(string modelId, ExecutionTarget target, int maxThreads = 0, CancellationToken cancellationToken = default) =>
        Place(modelId, target).Create(maxThreads, cancellationToken);

    /// <summary>Unloads every plugin (models created from them must already be disposed).</summary>
    public void Dispose()
    {
        foreach (var plugin in Plugins)
        {
            plugin.Unload();
        }
    }

    private static async Task<(LoadedPlugin?, PluginFailure?)> LoadFolderAsync(string dir, PluginCatalogOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await PluginFolderLoader.LoadAsync(dir, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable file or folder refuses this plugin only.
            return (null, new PluginFailure(dir, $"{dir}: cannot read plugin files: {ex.Message}"));
        }
    }

    /// <summary>Runs <see cref="PluginCatalogOptions.CheckModel"/> on each model of a registered plugin; a model it refuses leaves the catalog, the plugin's others stay.</summary>
    private static List<PluginFailure> CheckModels(LoadedPlugin plugin, Dictionary<string, ModelRegistration> models, PluginCatalogOptions options, ILogger log)
    {
        var refused = new List<PluginFailure>();
        if (options.CheckModel is not { } check)
        {
            return refused;
        }
        foreach (var model in plugin.Manifest.Models)
        {
            if (check(plugin, model) is { } problem)
            {
                models.Remove(model.Id);
                refused.Add(new PluginFailure(plugin.Directory, $"{Path.Combine(plugin.Directory, PluginContract.ManifestFileName)}: model '{model.Id}' refused: {problem}"));
                PluginLog.Refused(log, plugin.Directory, refused[^1].Reason);
            }
        }
        return refused;
    }

    private static PluginFailure? RegisterBackend(LoadedPlugin plugin, Dictionary<string, LoadedPlugin> backends)
    {
        if (plugin.ExecutionBackend is not { } name)
        {
            return null;
        }
        if (backends.TryGetValue(name, out var other))
        {
            return new PluginFailure(plugin.Directory, $"{plugin.Directory}: execution backend '{name}' is already provided by plugin '{other.Manifest.Id}' ({other.Directory})");
        }
        backends.Add(name, plugin);
        return null;
    }

    /// <summary>
    /// Gives every model on another backend than the builtin engine the plugin that provides it (plugins load in folder
    /// order, so this runs once all are in); a model whose backend is missing is refused, the plugin's other models stay.
    /// </summary>
    private static List<PluginFailure> BindBackends(Dictionary<string, ModelRegistration> models, Dictionary<string, LoadedPlugin> backends)
    {
        var refused = new List<PluginFailure>();
        foreach (var registration in models.Values.Where(r => !ExecutionBackends.IsBuiltin(r.Model.Backend)).ToList())
        {
            if (backends.TryGetValue(registration.Model.Backend, out var backend))
            {
                models[registration.Model.Id] = registration with { Backend = backend };
                continue;
            }
            models.Remove(registration.Model.Id);
            var available = backends.Count == 0 ? "none installed" : string.Join(", ", backends.Keys.Order(StringComparer.Ordinal));
            refused.Add(new PluginFailure(registration.Plugin.Directory,
                $"{registration.Plugin.Directory}: model '{registration.Model.Id}' needs execution backend '{registration.Model.Backend}', which no plugin provides (builtin; {available})"));
        }
        return refused;
    }

    private static PluginFailure? Register(LoadedPlugin plugin, Dictionary<string, ModelRegistration> models)
    {
        var clash = plugin.Manifest.Models.FirstOrDefault(m => models.ContainsKey(m.Id));
        if (clash is not null)
        {
            return new PluginFailure(plugin.Directory,
                $"{plugin.Directory}: model id '{clash.Id}' is already served by plugin '{models[clash.Id].Plugin.Manifest.Id}' ({models[clash.Id].Plugin.Directory})");
        }
        foreach (var model in plugin.Manifest.Models)
        {
            models.Add(model.Id, new ModelRegistration(model, plugin));
        }
        return null;
    }
}
