using System.Reflection;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Loads one plugin folder: manifest, files, contract reference, then code. Every refusal has a readable reason.</summary>
internal static class PluginLoader
{
    public static async Task<(LoadedPlugin? Plugin, PluginFailure? Failure)> LoadAsync(string directory, PluginCatalogOptions options, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(directory, PluginContract.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            return Fail(directory, $"{manifestPath}: no {PluginContract.ManifestFileName} (each plugin folder needs one next to its assembly)");
        }
        PluginManifest manifest;
        try
        {
            manifest = await PluginManifestSerializer.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        }
        catch (PluginManifestException ex)
        {
            return Fail(directory, ex.Message);
        }
        if (manifest.IsModelPackage)
        {
            return await LoadPackageAsync(directory, manifest, manifestPath, options, cancellationToken).ConfigureAwait(false);
        }
        var assemblyPath = Path.Combine(directory, manifest.Assembly!);
        if (!File.Exists(assemblyPath))
        {
            return Fail(directory, $"{manifestPath}: assembly '{manifest.Assembly}' not found in the plugin folder");
        }
        if (!options.SkipFileHashes)
        {
            var fileProblems = await ModelFileVerifier.VerifyAsync(directory, manifest, cancellationToken).ConfigureAwait(false);
            if (fileProblems.Count > 0)
            {
                return Fail(directory, $"{manifestPath}: {string.Join("; ", fileProblems)}");
            }
        }
        var contractProblem = CheckContractReference(assemblyPath);
        if (contractProblem is not null)
        {
            return Fail(directory, contractProblem);
        }
        var warnings = FindSharedCopies(directory, assemblyPath, options.SharedAssemblyNames);
        return Instantiate(directory, manifest, assemblyPath, warnings, options);
    }

    /// <summary>A model package has no code to load: its files are checked, a backend plugin runs its models.</summary>
    private static async Task<(LoadedPlugin? Plugin, PluginFailure? Failure)> LoadPackageAsync(string directory, PluginManifest manifest,
        string manifestPath, PluginCatalogOptions options, CancellationToken cancellationToken)
    {
        if (!options.SkipFileHashes)
        {
            var fileProblems = await ModelFileVerifier.VerifyAsync(directory, manifest, cancellationToken).ConfigureAwait(false);
            if (fileProblems.Count > 0)
            {
                return Fail(directory, $"{manifestPath}: {string.Join("; ", fileProblems)}");
            }
        }
        return (LoadedPlugin.Package(directory, manifest), null);
    }

    private static string? CheckContractReference(string assemblyPath)
    {
        var contract = SharedAssemblies.ContractAssemblyName;
        Version? referenced;
        try
        {
            referenced = ContractReference.Read(assemblyPath, contract);
        }
        catch (BadImageFormatException ex)
        {
            return $"{assemblyPath}: not a .NET assembly ({ex.Message})";
        }
        if (referenced is null)
        {
            return $"{assemblyPath}: does not reference {contract}, so it cannot implement {nameof(ISegmentationModelPlugin)}";
        }
        return PluginContract.IsCompatible(new Version(referenced.Major, referenced.Minor))
            ? null
            : $"{assemblyPath}: compiled against {contract} {referenced.Major}.{referenced.Minor}, host provides {PluginContract.Version}";
    }

    private static List<string> FindSharedCopies(string directory, string mainAssemblyPath, IReadOnlySet<string> shared)
    {
        var warnings = new List<string>();
        foreach (var dll in Directory.EnumerateFiles(directory, "*.dll", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(dll);
            if (shared.Contains(name) && !string.Equals(Path.GetFullPath(dll), Path.GetFullPath(mainAssemblyPath), StringComparison.Ordinal))
            {
                warnings.Add($"{dll}: plugin ships its own copy of shared assembly {name}; ignored, the host's copy is used (publish the plugin with Private=false / ExcludeAssets=runtime on host references)");
            }
        }
        return warnings;
    }

    private static (LoadedPlugin?, PluginFailure?) Instantiate(string directory, PluginManifest manifest, string assemblyPath, List<string> warnings, PluginCatalogOptions options)
    {
        var context = new PluginLoadContext(assemblyPath, options.SharedAssemblyNames);
        try
        {
            var assembly = context.LoadMainAssembly();
            var type = assembly.GetType(manifest.EntryType!, throwOnError: false);
            if (type is null)
            {
                return FailAndUnload(context, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' not found");
            }
            var missing = MissingInterface(type, manifest);
            if (missing is not null)
            {
                return FailAndUnload(context, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' {missing}");
            }
            if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            {
                return FailAndUnload(context, directory, $"{assemblyPath}: entry type '{manifest.EntryType}' needs a public parameterless constructor");
            }
            var instance = Activator.CreateInstance(type)!;
            if (instance is IExecutionBackend backend && !string.Equals(backend.Name, manifest.ExecutionBackend, StringComparison.OrdinalIgnoreCase))
            {
                return FailAndUnload(context, directory, $"{assemblyPath}: backend calls itself '{backend.Name}' but plugin.json says '{manifest.ExecutionBackend}'");
            }
            return (new LoadedPlugin(directory, manifest, context, instance, warnings), null);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException
            or ReflectionTypeLoadException or TargetInvocationException or MissingMethodException)
        {
            return FailAndUnload(context, directory, $"{assemblyPath}: cannot load plugin code: {(ex.InnerException ?? ex).Message}");
        }
    }

    /// <summary>Why the entry type cannot play the roles its manifest gives it (models: family; executionBackend: backend), or null.</summary>
    private static string? MissingInterface(Type type, PluginManifest manifest)
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
                : $"implements {contract.Name} from another copy of the contract ({foreign.Assembly.Location}), not the host's";
        }
        return null;
    }

    private static (LoadedPlugin?, PluginFailure?) FailAndUnload(PluginLoadContext context, string directory, string reason)
    {
        context.Unload();
        return Fail(directory, reason);
    }

    private static (LoadedPlugin?, PluginFailure?) Fail(string directory, string reason) => (null, new PluginFailure(directory, reason));
}
