namespace PipelineSeg.Plugins.Hosting.Tests.BadPlugins;

/// <summary>Bad plugins refused at load, each with a reason naming the plugin folder and the cause; the good one beside them loads.</summary>
public sealed class LoadRefusalTests
{
    [SkippableFact]
    public async Task Missing_private_dependency_is_refused_at_load_naming_the_library()
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good");
        var bad = folder.Add("PrivateDependency");
        File.Delete(Path.Combine(bad, "TestPlugins.Dependency.dll"));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Equal("test.good", Assert.Single(catalog.Plugins).Manifest.Id);
        var failure = Assert.Single(catalog.Failures);
        Assert.Equal(bad, failure.Directory);
        Assert.Contains("TestPlugins.PrivateDependency.dll: missing dependency TestPlugins.Dependency 0.1.0.0 (referenced by TestPlugins.PrivateDependency)", failure.Reason, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(1, 0)]
    [InlineData(2, 7)]
    [InlineData(3, 0)]
    public async Task Assembly_compiled_against_another_contract_version_is_refused_before_its_code_runs(int major, int minor)
    {
        using var folder = new TestPluginFolder();
        folder.Add("Good", "a-good");
        var bad = folder.Add("Good", "b-other-contract");
        await File.WriteAllTextAsync(Path.Combine(bad, "plugin.json"), (await File.ReadAllTextAsync(Path.Combine(bad, "plugin.json")))
            .Replace("\"threshold-good\"", "\"threshold-other\"", StringComparison.Ordinal));
        AssemblyReferencePatcher.SetReferencedVersion(Path.Combine(bad, "TestPlugins.Good.dll"), SharedAssemblies.ContractAssemblyName, new Version(major, minor, 0, 0));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);

        Assert.Equal(Path.Combine(folder.Root, "a-good"), Assert.Single(catalog.Plugins).Directory);
        var failure = Assert.Single(catalog.Failures);
        Assert.Equal($"{Path.Combine(bad, "TestPlugins.Good.dll")}: compiled against PipelineSeg.Plugins.Abstractions {major}.{minor}, host provides {PipelineSeg.Plugins.Abstractions.PluginContract.Version}", failure.Reason);
    }
}
