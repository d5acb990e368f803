using System.Runtime.Loader;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.Catalog;

public sealed class PluginCatalogTests
{
    [SkippableFact]
    public async Task Good_plugin_loads_into_its_own_collectible_context_and_predicts()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Failures);
        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal("test.good", plugin.Manifest.Id);
        Assert.Empty(plugin.Warnings);
        var registration = Assert.Single(catalog.Models);
        Assert.Equal("threshold-good", registration.Model.Id);

        using var model = catalog.GetModel("threshold-good").Create();
        var context = AssemblyLoadContext.GetLoadContext(model.GetType().Assembly);
        Assert.Same(catalog.Plugins[0].LoadContext, context);
        Assert.True(context!.IsCollectible);
        // The contract type is the host's: the cast above and this identity hold only if it was shared.
        Assert.Same(typeof(ISegmentationModel).Assembly, model.GetType().GetInterfaces().Single(i => i.Name == nameof(ISegmentationModel)).Assembly);

        var input = new float[16];
        input[3] = 1f; // far above the 0.5 threshold
        input[5] = 0.5f; // exactly at it
        var output = new float[model.Manifest.OutputLength(1)];
        model.Predict(input, 1, output);
        Assert.Equal(1f / (1f + MathF.Exp(-20f * 0.5f)), output[16 + 3], 6);
        Assert.Equal(0.5f, output[16 + 5], 6);
        Assert.Equal(1f, output[5] + output[16 + 5], 6);
        Assert.Equal(1f / (1f + MathF.Exp(10f)), output[16 + 0], 6);
    }

    [SkippableFact]
    public async Task Stray_contract_copy_is_ignored_with_a_warning_and_the_host_copy_is_used()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("StrayContract");
        Assert.True(File.Exists(Path.Combine(dir, "PipelineSeg.Plugins.Abstractions.dll")));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Failures);
        var plugin = Assert.Single(catalog.Plugins);
        var warning = Assert.Single(plugin.Warnings, w => w.Contains("PipelineSeg.Plugins.Abstractions.dll", StringComparison.Ordinal));
        Assert.Contains("ships its own copy of shared assembly PipelineSeg.Plugins.Abstractions; ignored, the host's copy is used", warning, StringComparison.Ordinal);
        using var model = catalog.Models.Single().Create();
        var output = new float[model.Manifest.OutputLength(1)];
        model.Predict(new float[16], 1, output);
        var context = AssemblyLoadContext.GetLoadContext(model.GetType().Assembly)!;
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "PipelineSeg.Plugins.Abstractions");
    }

    [SkippableFact]
    public async Task Stray_contract_copy_is_refused_with_a_clear_reason_when_the_contract_is_not_shared()
    {
        using var folder = new TestPluginFolder();
        folder.Add("StrayContract");
        var notShared = new HashSet<string>(SharedAssemblies.Default, StringComparer.OrdinalIgnoreCase);
        notShared.Remove(SharedAssemblies.ContractAssemblyName);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root, new PluginCatalogOptions { SharedAssemblyNames = notShared });

        Assert.Empty(catalog.Plugins);
        var failure = Assert.Single(catalog.Failures);
        Assert.Contains("entry type 'TestPlugins.StrayContract.StrayContractPlugin' implements ISegmentationModelPlugin from another copy of the contract", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("PipelineSeg.Plugins.Abstractions.dll", failure.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_manifest_is_refused_with_its_path_and_cause_while_good_plugins_still_load()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good");
        var bad = folder.Add("BadManifest");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Equal("test.good", Assert.Single(catalog.Plugins).Manifest.Id);
        var failure = Assert.Single(catalog.Failures);
        Assert.Equal(bad, failure.Directory);
        Assert.Contains(Path.Combine(bad, "plugin.json"), failure.Reason, StringComparison.Ordinal);
        Assert.Contains("built against contract 9.0, host implements 2.1", failure.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Private_dependency_resolves_from_the_plugin_folder_into_the_plugin_context()
    {
        using var folder = new TestPluginFolder();
        folder.Add("PrivateDependency");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Failures);
        using var model = catalog.Models.Single().Create();
        var output = new float[model.Manifest.OutputLength(1)];
        model.Predict(Enumerable.Repeat(1f, 16).ToArray(), 1, output); // runs code from the dependency
        var context = AssemblyLoadContext.GetLoadContext(model.GetType().Assembly)!;
        Assert.Contains(context.Assemblies, a => a.GetName().Name == "TestPlugins.Dependency");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "TestPlugins.Dependency");
        Assert.Equal(1f / (1f + MathF.Exp(-10f)), output[16], 6);
    }

    [SkippableFact]
    public async Task Altered_model_file_is_refused_naming_file_and_hashes()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("Good");
        await File.WriteAllTextAsync(Path.Combine(dir, "threshold.txt"), "0.25\n");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Empty(catalog.Plugins);
        var reason = Assert.Single(catalog.Failures).Reason;
        Assert.Contains("model 'threshold-good': file 'threshold.txt' has SHA-256", reason, StringComparison.Ordinal);
        Assert.Contains("manifest says 8d5c1b5a87c51f970807fc0c2057b3ab3aaf11638ab667dc5956edc8f5bcf138", reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Folder_without_manifest_missing_entry_type_and_duplicate_model_ids_are_each_refused()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good", "a-good");
        folder.Add("Good", "b-duplicate");
        var noManifest = folder.Add("Good", "c-no-manifest");
        File.Delete(Path.Combine(noManifest, "plugin.json"));
        var wrongEntry = folder.Add("PrivateDependency", "d-wrong-entry");
        var manifestPath = Path.Combine(wrongEntry, "plugin.json");
        await File.WriteAllTextAsync(manifestPath, (await File.ReadAllTextAsync(manifestPath)).Replace("PrivateDependencyPlugin\"", "Missing\"", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Equal(Path.Combine(folder.Root, "a-good"), Assert.Single(catalog.Plugins).Directory);
        Assert.Collection(catalog.Failures,
            f => Assert.Contains("model id 'threshold-good' is already served by plugin 'test.good'", f.Reason, StringComparison.Ordinal),
            f => Assert.Contains("no plugin.json", f.Reason, StringComparison.Ordinal),
            f => Assert.Contains("entry type 'TestPlugins.PrivateDependency.Missing' not found", f.Reason, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Missing_plugins_folder_gives_an_empty_catalog_with_a_reason()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-plugins-{Guid.NewGuid():N}");
        using var catalog = await PluginCatalog.LoadAsync(missing);
        Assert.Empty(catalog.Models);
        Assert.Contains("plugins folder does not exist", Assert.Single(catalog.Failures).Reason, StringComparison.Ordinal);
        var ex = Assert.Throws<KeyNotFoundException>(() => catalog.GetModel("x"));
        Assert.Contains("'x'", ex.Message, StringComparison.Ordinal);
    }
}
