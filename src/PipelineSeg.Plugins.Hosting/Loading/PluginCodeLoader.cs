using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// Loads a checked plugin's code with McMaster's <see cref="PluginLoader"/> into its own collectible context (shared
/// assemblies from the host, the rest from the plugin's <c>.deps.json</c>), resolves its whole private dependency graph
/// up front (a missing library refuses the plugin at load, not in the middle of a job), then creates the entry object.
/// </summary>
internal static class PluginCodeLoader
{
    public static (LoadedPlugin?, PluginFailure?) Load(string directory, PluginManifest manifest, string assemblyPath, List<string> warnings, PluginCatalogOptions options)
    {
        var (sharedTypes, sharedNames) = SharedAssemblies.Split(options.SharedAssemblyNames);
        var loader = PluginLoader.CreateFromAssemblyFile(Path.GetFullPath(assemblyPath), isUnloadable: true, sharedTypes: sharedTypes, configure: config =>
        {
            foreach (var name in sharedNames)
            {
                config.SharedAssemblies.Add(name);
            }
            // Read into memory: a plugin folder replaced for a hot reload must not change code the old version still runs.
            // Not for execution backends: their native libraries are mapped from the folder anyway (replace the folder by
            // renaming, docs/backends.md), and TorchSharp finds LibTorch through its assembly's Location, empty in memory.
            config.LoadInMemory = manifest.ExecutionBackend is null;
        });
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var missingDependency = MissingDependency(loader, assembly);
            if (missingDependency is not null)
            {
                return FailAndUnload(loader, directory, $"{assemblyPath}: missing dependency {missingDependency}: not in the plugin folder (its .deps.json) nor shared by the host");
            }
            var type = assembly.GetType(manifest.EntryType!, throwOnError: false);
            if (type is null)
            {
                return FailAndUnload(loader, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' not found");
            }
            var missing = MissingInterface(type, manifest, directory);
            if (missing is not null)
            {
                return FailAndUnload(loader, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' {missing}");
            }
            if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            {
                return FailAndUnload(loader, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' needs a public parameterless constructor");
            }
            var instance = Activator.CreateInstance(type)!;
            if (instance is IExecutionBackend backend && !string.Equals(backend.Name, manifest.ExecutionBackend, StringComparison.OrdinalIgnoreCase))
            {
                return FailAndUnload(loader, directory, $"{assemblyPath}: backend calls itself '{backend.Name}' but plugin.json says '{manifest.ExecutionBackend}'");
            }
            return (new LoadedPlugin(directory, manifest, loader, AssemblyLoadContext.GetLoadContext(assembly)!, instance, warnings), null);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException
            or ReflectionTypeLoadException or TargetInvocationException or MissingMethodException)
        {
            return FailAndUnload(loader, directory, $"{assemblyPath}: cannot load plugin code: {(ex.InnerException ?? ex).Message}");
        }
    }

    /// <summary>
    /// Walks the references of every assembly loaded into the plugin's context and loads them; the first that resolves
    /// nowhere (plugin folder, host, framework) is named, else null. Host assemblies are not walked: the host has theirs.
    /// </summary>
    private static string? MissingDependency(PluginLoader loader, Assembly main)
    {
        var context = AssemblyLoadContext.GetLoadContext(main);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name! };
        var pending = new Queue<Assembly>([main]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }
                Assembly loaded;
                try
                {
                    loaded = loader.LoadAssembly(reference);
                }
                catch (FileNotFoundException)
                {
                    return $"{reference.Name} {reference.Version} (referenced by {assembly.GetName().Name})";
                }
                if (AssemblyLoadContext.GetLoadContext(loaded) == context)
                {
                    pending.Enqueue(loaded);
                }
            }
        }
        return null;
    }

    /// <summary>Why the entry type cannot play the roles its manifest gives it (models: family; executionBackend: backend), or null.</summary>
    private static string? MissingInterface(Type type, PluginManifest manifest, string directory)
    {
        var needed = new List<Type>();
        if (manifest.Models.Count > 0)
        {
            needed.Add(typeof(ISegmentationModelPlugin));
        }
        if (manifest.ExecutionBackend is not null)
        {
            needed.Add(typeof(IExecutionBackend));
        }
        foreach (var contract in needed.Where(c => !c.IsAssignableFrom(type)))
        {
            var foreign = type.GetInterfaces().FirstOrDefault(i => i.FullName == contract.FullName);
            return foreign is null
                ? $"does not implement {contract.FullName}"
                // Loaded in memory, so the assembly has no Location: name the plugin's copy by its file.
                : $"implements {contract.Name} from another copy of the contract ({Path.Combine(directory, foreign.Assembly.GetName().Name + ".dll")}), not the host's";
        }
        return null;
    }

    private static (LoadedPlugin?, PluginFailure?) FailAndUnload(PluginLoader loader, string directory, string reason)
    {
        loader.Dispose();
        return (null, new PluginFailure(directory, reason));
    }
}
