using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests.Packages;

/// <summary><c>pipelineseg batch</c> with each family's TorchScript package gives the builtin family plugin's labels on the bundled samples
/// (per-label Dice ≥ 0.999; the test output lists the voxels that differ, usually none).</summary>
public sealed class PackageBatchTests(ITestOutputHelper output)
{
    public static TheoryData<string> NativeModels => ExportedPackages.NativeModels;

    [SkippableTheory]
    [MemberData(nameof(NativeModels))]
    public void Batch_with_the_torchscript_package_gives_the_builtin_labels_on_the_bundled_samples(string nativeModel)
    {
        using var folder = new TorchPluginFolder().WithTorch().WithFamily(ExportedPackages.FamilyPlugin(nativeModel));
        var package = ExportedPackages.Add(folder.Root, nativeModel, "torchscript");
        PackageChecks.BatchGivesTheBuiltinLabels(folder.Root, nativeModel, package, "torchscript", output);
    }
}
