using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting.Tests.Catalog;

public sealed class ContractReferenceTests
{
    [SkippableFact]
    public void Reads_the_contract_version_a_plugin_was_compiled_against_without_loading_it()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "testplugins", "Good", "TestPlugins.Good.dll");
        var version = ContractReference.Read(dll, SharedAssemblies.ContractAssemblyName);
        Assert.Equal(PluginContract.Version, new Version(version!.Major, version.Minor));
        Assert.Null(ContractReference.Read(dll, "Some.Other.Contract"));
    }

    [SkippableFact]
    public async Task A_plugin_assembly_that_is_not_dotnet_is_refused_before_loading()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("Good");
        await File.WriteAllBytesAsync(Path.Combine(dir, "TestPlugins.Good.dll"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0]);
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Plugins);
        Assert.Contains("TestPlugins.Good.dll: not a .NET assembly", Assert.Single(catalog.Failures).Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_plugin_that_does_not_reference_the_contract_is_refused_with_the_reason()
    {
        using var folder = new TestPluginFolder();
        var dir = folder.Add("PrivateDependency");
        // Point the manifest at the private dependency, a library that knows nothing of the contract.
        var manifest = Path.Combine(dir, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"TestPlugins.PrivateDependency.dll\"", "\"TestPlugins.Dependency.dll\"", StringComparison.Ordinal));
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Contains("TestPlugins.Dependency.dll: does not reference PipelineSeg.Plugins.Abstractions", Assert.Single(catalog.Failures).Reason, StringComparison.Ordinal);
    }
}
