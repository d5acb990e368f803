using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// Loads one plugin folder: manifest, file hashes and the contract reference are checked before any plugin code runs,
/// then <see cref="PluginCodeLoader"/> loads the code. Every refusal has a readable reason.
/// </summary>
internal static class PluginFolderLoader
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
        return PluginCodeLoader.Load(directory, manifest, assemblyPath, warnings, options);
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

    private static (LoadedPlugin?, PluginFailure?) Fail(string directory, string reason) => (null, new PluginFailure(directory, reason));
}
