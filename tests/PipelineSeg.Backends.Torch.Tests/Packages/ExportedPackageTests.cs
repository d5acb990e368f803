using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests.Packages;

/// <summary>
/// Each family's TorchScript package (tools/backends/export_model.py, traced by PyTorch 1.13 and checked against it at
/// export) on LibTorch 2.10 against its builtin family plugin.
/// </summary>
public sealed class ExportedPackageTests(ITestOutputHelper output)
{
    public static TheoryData<string> NativeModels => ExportedPackages.NativeModels;

    [SkippableTheory]
    [MemberData(nameof(NativeModels))]
    public async Task The_torchscript_package_gives_the_builtin_family_plugins_probabilities(string nativeModel)
    {
        using var folder = new TorchPluginFolder().WithTorch().WithFamily(ExportedPackages.FamilyPlugin(nativeModel));
        var package = ExportedPackages.Add(folder.Root, nativeModel, "torchscript");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);

        using var builtin = catalog.CreateModel(nativeModel, new ExecutionTarget(ExecutionBackends.Builtin, ExecutionDevice.Cpu));
        using var torch = catalog.CreateModel(package, ExecutionTarget.Default);
        Assert.Equal(builtin.Manifest.Output.Classes.Select(c => c.Label), torch.Manifest.Output.Classes.Select(c => c.Label));
        var error = PackageParity.MaxDifference(builtin, torch, slices: 2);
        output.WriteLine($"{package} on LibTorch 2.10 vs builtin {nativeModel}: max abs probability difference {error:E2}");
        Assert.True(error <= 1e-4, $"max abs difference {error}");
    }
}
