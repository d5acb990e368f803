using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;
using Xunit.Abstractions;

namespace PipelineSeg.Backends.Onnx.Tests.Packages;

/// <summary>
/// Each family's ONNX package (tools/backends/export_model.py) on ONNX Runtime against its builtin family plugin. The
/// builtin networks are parity-tested against PyTorch, so this is also the check of the ONNX graph against PyTorch that
/// Debian's python3 (no onnxruntime) cannot make at export.
/// </summary>
public sealed class ExportedPackageTests(ITestOutputHelper output)
{
    public static TheoryData<string> NativeModels => ExportedPackages.NativeModels;

    [SkippableTheory]
    [MemberData(nameof(NativeModels))]
    public async Task The_onnx_package_gives_the_builtin_family_plugins_probabilities(string nativeModel)
    {
        using var folder = new BackendPluginFolder().WithPlugin(ExportedPackages.FamilyPlugin(nativeModel)).WithPlugin("Onnx");
        var package = ExportedPackages.Add(folder.Root, nativeModel, "onnx");
        using var catalog = await PluginCatalog.LoadAsync(folder.Root);
        Assert.Empty(catalog.Failures);

        using var builtin = catalog.CreateModel(nativeModel, new ExecutionTarget(ExecutionBackends.Builtin, ExecutionDevice.Cpu));
        using var onnx = catalog.CreateModel(package, ExecutionTarget.Default);
        Assert.Equal(builtin.Manifest.Output.Classes.Select(c => c.Label), onnx.Manifest.Output.Classes.Select(c => c.Label));
        var error = PackageParity.MaxDifference(builtin, onnx, slices: 2);
        output.WriteLine($"{package} on ONNX Runtime vs builtin {nativeModel}: max abs probability difference {error:E2}");
        Assert.True(error <= 1e-4, $"max abs difference {error}");
    }
}
