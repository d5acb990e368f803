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
        var work = TestPaths.NewTempDirectory("e2e-nolib");
        try
        {
            // Its own process: a test that ran the complete backend earlier would have the library mapped in this one.
            var config = BackendHost.WriteConfig(work, folder.Root, [package, "unet-liver-phantom"]);
            var refused = BackendHost.Batch(config, package, Path.Combine(work, "package"));
            output.WriteLine(refused.Combined);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("plugin 'pipelineseg.backend.onnx'", refused.Combined, StringComparison.Ordinal);
            Assert.Contains($"failed to create model '{package}' of plugin 'pipelineseg.package.{package}'", refused.Combined, StringComparison.Ordinal);
            Assert.Contains("ONNX Runtime's native library (onnxruntime) is missing from the backend plugin folder or cannot be loaded: "
                + "Unable to load shared library 'onnxruntime' or one of its dependencies. (publish the plugin again", refused.Combined, StringComparison.Ordinal);

            var builtin = BackendHost.Batch(config, "unet-liver-phantom", Path.Combine(work, "builtin"));
            Assert.True(builtin.ExitCode == 0, builtin.Combined);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
