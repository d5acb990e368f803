using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>How a <see cref="PluginCatalog"/> loads plugins.</summary>
public sealed class PluginCatalogOptions
{
    /// <summary>Assembly simple names taken from the host (default: <see cref="SharedAssemblies.Default"/>).</summary>
    public IReadOnlySet<string> SharedAssemblyNames { get; init; } = SharedAssemblies.Default;

    /// <summary>Skip SHA-256 checks of model files (development only; default false).</summary>
    public bool SkipFileHashes { get; init; }

    /// <summary>
    /// A check of each model against the plugin that serves it, run at load before any job (e.g. the host asks the family's
    /// network factory whether it knows the manifest's preset and parameters); returns why the model is refused, or null.
    /// </summary>
    public Func<LoadedPlugin, ModelManifest, string?>? CheckModel { get; init; }

    /// <summary>
    /// How long a cancelled forward may take to stop before it is abandoned on its thread (the job fails, the service and
    /// the other plugins go on). Default 2 s.
    /// </summary>
    public TimeSpan ForwardCancellationGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Backend and device every model is created on (<c>Inference:Backend</c>/<c>Device</c>); default: each model's own backend, CPU.</summary>
    public ExecutionTarget Target { get; init; } = ExecutionTarget.Default;
}
