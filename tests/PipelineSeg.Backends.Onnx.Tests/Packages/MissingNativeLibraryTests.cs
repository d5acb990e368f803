using Xunit.Abstractions;

namespace PipelineSeg.Backends.Onnx.Tests.Packages;

/// <summary>An ONNX backend plugin folder whose native library is missing (a partial copy): the model is refused at load
/// naming both plugins and the library, and the builtin model in the same plugins folder keeps working.</summary>
public sealed class MissingNativeLibraryTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void A_backend_folder_without_libonnxruntime_refuses_the_model_naming_plugin_and_library()
    {
        using var folder = new BackendPluginFolder().WithPlugin("UNet").WithPlugin("Onnx");
        var removed = Directory.GetFiles(Path.Combine(folder.Root, "Onnx"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("libonnxruntime", StringComparison.Ordinal) || name.StartsWith("onnxruntime", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(removed);
        removed.ForEach(File.Delete);
        var package = ExportedPackages.Add(folder.Root, "unet-liver-phantom", "onnx");
        PackageChecks.MissingLibraryRefusesThePackage(folder.Root, package, "pipelineseg.backend.onnx", combined =>
            Assert.Contains("ONNX Runtime's native library (onnxruntime) is missing from the backend plugin folder or cannot be loaded: "
                + "Unable to load shared library 'onnxruntime' or one of its dependencies. (publish the plugin again", combined, StringComparison.Ordinal), output);
    }
}
