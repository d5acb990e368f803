using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// A plugin whose manifest, files and entry type checked out, loaded by McMaster's <see cref="PluginLoader"/> into its
/// own collectible context. Jobs hold leases on it (<see cref="Lease"/>); a retired plugin unloads once the last drops.
/// </summary>
public sealed class LoadedPlugin
{
    private readonly Lock _gate = new();
    private PluginLoader? _loader;
    private AssemblyLoadContext? _context;
    private int _leases;
    private bool _retired;
    private ISegmentationModelPlugin? _instance;
    private IExecutionBackend? _backend;
    private bool _unloaded;

    internal LoadedPlugin(string directory, PluginManifest manifest, PluginLoader? loader, AssemblyLoadContext? context, object? instance, IReadOnlyList<string> warnings)
    {
        Directory = directory;
        Manifest = manifest;
        _loader = loader;
        _context = context;
        _instance = instance as ISegmentationModelPlugin;
        _backend = instance as IExecutionBackend;
        Warnings = warnings;
    }

    /// <summary>A model package (<see cref="PluginManifest.IsModelPackage"/>): no code, its models run on backend plugins.</summary>
    internal static LoadedPlugin Package(string directory, PluginManifest manifest) => new(directory, manifest, null, null, null, []);

    /// <summary>The plugin folder.</summary>
    public string Directory { get; }

    /// <summary>The validated manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>Things that did not stop loading but deserve attention (e.g. an ignored copy of a shared assembly).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The plugin's load context until <see cref="Unload"/> (tests watch it being collected).</summary>
    internal AssemblyLoadContext? LoadContext => _context;

    /// <summary>Leases held now: models created from this plugin (or run on its backend) and not yet disposed.</summary>
    public int Leases => Volatile.Read(ref _leases);

    /// <summary>True once <see cref="Unload"/> ran.</summary>
    public bool IsUnloaded => _unloaded;

    /// <summary>The execution backend this plugin provides (<see cref="PluginManifest.ExecutionBackend"/>), or null.</summary>
    public string? ExecutionBackend => Manifest.ExecutionBackend;

    /// <summary>
    /// The entry object as <typeparamref name="T"/> when it implements it (e.g. the engine's INetworkFactory, used by
    /// <c>models verify|new</c>), else null; null once unloaded. Only shared types (contract, engine) cast across contexts.
    /// </summary>
    public T? GetEntry<T>() where T : class => (_instance as T) ?? (_backend as T);

    /// <summary>Creates a model of this plugin on the builtin engine; the caller disposes it before the plugin is unloaded.</summary>
    /// <exception cref="InvalidOperationException">The plugin was unloaded, or its code failed (message names plugin and model).</exception>
    public ISegmentationModel CreateModel(ModelManifest model, int maxThreads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var instance = _instance ?? throw new InvalidOperationException(Manifest.IsModelPackage
            ? $"plugin '{Manifest.Id}' is a model package: its model '{model.Id}' runs on execution backend '{model.Backend}', not on the builtin engine"
            : $"plugin '{Manifest.Id}' has been unloaded");
        return Guard(model, () => instance.CreateModel(model, new ModelCreationContext(Directory, maxThreads), cancellationToken));
    }

    /// <summary>Runs <paramref name="model"/>, listed by <paramref name="owner"/>, on the backend this plugin provides.</summary>
    /// <exception cref="InvalidOperationException">The plugin was unloaded, provides no backend, or its code failed.</exception>
    public ISegmentationModel CreateModelOnBackend(ModelManifest model, LoadedPlugin owner, int maxThreads = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return CreateModelOnBackend(model, owner, new ModelCreationContext(owner.Directory, maxThreads), cancellationToken);
    }

    /// <summary>Runs <paramref name="model"/>, listed by <paramref name="owner"/>, on this backend with <paramref name="context"/>'s device.</summary>
    /// <exception cref="InvalidOperationException">The plugin was unloaded, provides no backend, or its code failed (message names both plugins).</exception>
    public ISegmentationModel CreateModelOnBackend(ModelManifest model, LoadedPlugin owner, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(context);
        var backend = _backend ?? throw new InvalidOperationException($"plugin '{Manifest.Id}' provides no execution backend or has been unloaded");
        return Guard(model, () => backend.CreateModel(model, context, cancellationToken), owner);
    }

    private ISegmentationModel Guard(ModelManifest model, Func<ISegmentationModel> create, LoadedPlugin? owner = null)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A native library that will not load (DllNotFoundException, TypeInitializationException) is the backend's
            // cause too: the service reports it and goes on, it never crashes on it.
            var of = owner is null || owner == this ? string.Empty : $" of plugin '{owner.Manifest.Id}' ({owner.Directory})";
            var cause = ex is TypeInitializationException { InnerException: { } inner } ? inner.Message : ex.Message;
            throw new InvalidOperationException($"plugin '{Manifest.Id}' ({Directory}) failed to create model '{model.Id}'{of}: {cause}", ex);
        }
    }

    /// <summary>Takes a lease (a job uses this plugin); dispose it to release. A reload of the folder waits for leases to drop.</summary>
    /// <exception cref="InvalidOperationException">The plugin was unloaded or retired.</exception>
    public IDisposable Lease()
    {
        lock (_gate)
        {
            if (_retired || _unloaded)
            {
                throw new InvalidOperationException($"plugin '{Manifest.Id}' ({Directory}) has been unloaded or replaced");
            }
            _leases++;
        }
        return new PluginLease(this);
    }

    /// <summary>Unloads now when no lease is held, else when the last one is released.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_leases > 0)
            {
                return;
            }
        }
        Unload();
    }

    internal void ReleaseLease()
    {
        lock (_gate)
        {
            if (--_leases > 0 || !_retired)
            {
                return;
            }
        }
        Unload();
    }

    /// <summary>
    /// Starts unloading the plugin's context. It completes once no one holds plugin objects (models must be disposed and dropped).
    /// </summary>
    public void Unload()
    {
        _instance = null;
        _backend = null;
        _loader?.Dispose();
        _loader = null;
        _context = null;
        _unloaded = true;
    }
}
