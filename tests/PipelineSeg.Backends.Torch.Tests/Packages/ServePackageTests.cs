namespace PipelineSeg.Backends.Torch.Tests.Packages;

/// <summary><c>pipelineseg serve</c> with the TorchScript U-Net package beside a TorchScript package whose module refuses its manifest's input.</summary>
public sealed class ServePackageTests
{
    [SkippableFact]
    public async Task Serve_segments_with_the_torchscript_package_and_refuses_a_mismatched_script_without_stopping()
    {
        using var folder = new TorchPluginFolder().WithTorch();
        var good = ExportedPackages.Add(folder.Root, "unet-liver-phantom", "torchscript");
        var bad = ExportedPackages.Add(folder.Root, "segnet-liver-phantom", "torchscript");
        var manifest = Path.Combine(folder.Root, bad, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest))
            .Replace("\"channels\": 1,", "\"channels\": 3,", StringComparison.Ordinal)
            .Replace("\"layout\": \"singleSlice\"", "\"layout\": \"adjacentSlices\"", StringComparison.Ordinal));
        var root = TestPaths.NewTempDirectory("e2e-serve-torch");
        try
        {
            await PackageServeScenario.RunAsync(root, folder.Root, good, bad,
                "plugin 'pipelineseg.backend.torch'", $"plugin 'pipelineseg.package.{bad}'", "TorchScript model.pt does not take the manifest's input [1, 3, 128, 128]");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
