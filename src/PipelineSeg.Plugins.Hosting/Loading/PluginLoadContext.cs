using System.Reflection;
using System.Runtime.Loader;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// A collectible load context for one plugin: shared assemblies come from the host's default context, everything else
/// (managed and native) from the plugin folder through its <c>.deps.json</c>.
/// </summary>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly IReadOnlySet<string> _shared;

    /// <summary>Creates the context for the plugin whose main assembly is <paramref name="mainAssemblyPath"/>.</summary>
    public PluginLoadContext(string mainAssemblyPath, IReadOnlySet<string> sharedAssemblyNames)
        : base($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: true)
    {
        ArgumentNullException.ThrowIfNull(sharedAssemblyNames);
        MainAssemblyPath = Path.GetFullPath(mainAssemblyPath);
        _resolver = new AssemblyDependencyResolver(MainAssemblyPath);
        _shared = sharedAssemblyNames;
    }

    /// <summary>Absolute path of the plugin's main assembly.</summary>
    public string MainAssemblyPath { get; }

    /// <summary>Loads the plugin's main assembly into this context.</summary>
    public Assembly LoadMainAssembly() => LoadFromAssemblyPath(MainAssemblyPath);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && _shared.Contains(name))
        {
            // Whatever version the plugin was compiled against, it gets the host's copy: one type identity.
            // Only when the host lacks the assembly altogether does the plugin's own copy serve.
            try
            {
                return Default.LoadFromAssemblyName(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
            }
        }
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
