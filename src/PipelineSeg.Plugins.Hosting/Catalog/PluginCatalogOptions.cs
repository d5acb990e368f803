namespace PipelineSeg.Plugins.Hosting;

/// <summary>How a <see cref="PluginCatalog"/> loads plugins.</summary>
public sealed class PluginCatalogOptions
{
    /// <summary>Assembly simple names taken from the host (default: <see cref="SharedAssemblies.Default"/>).</summary>
    public IReadOnlySet<string> SharedAssemblyNames { get; init; } = SharedAssemblies.Default;

    /// <summary>Skip SHA-256 checks of model files (development only; default false).</summary>
    public bool SkipFileHashes { get; init; }
}
