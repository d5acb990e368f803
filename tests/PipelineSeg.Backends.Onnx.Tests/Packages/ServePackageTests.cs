namespace PipelineSeg.Backends.Onnx.Tests.Packages;

/// <summary><c>pipelineseg serve</c> with the ONNX U-Net package beside an ONNX package whose graph disagrees with its manifest.</summary>
public sealed class ServePackageTests
{
    [SkippableFact]
    public async Task Serve_segments_with_the_onnx_package_and_refuses_a_mismatched_graph_without_stopping()
    {
        using var folder = new BackendPluginFolder().WithPlugin("Onnx");
        var good = ExportedPackages.Add(folder.Root, "unet-liver-phantom", "onnx");
        var bad = ExportedPackages.Add(folder.Root, "segnet-liver-phantom", "onnx");
        var manifest = Path.Combine(folder.Root, bad, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"height\": 128", "\"height\": 96", StringComparison.Ordinal));
        var root = TestPaths.NewTempDirectory("e2e-serve-onnx");
        try
        {
            await PackageServeScenario.RunAsync(root, folder.Root, good, bad,
                "plugin 'pipelineseg.backend.onnx'", $"plugin 'pipelineseg.package.{bad}'", "the manifest needs [N, 1, 96, 128]");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
