using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests.Packages;

/// <summary>A torch backend plugin folder without LibTorch (a partial copy: every libtorch*.so left out): the model is
/// refused at load naming both plugins and the missing library, and the builtin model in the same plugins folder keeps working.</summary>
public sealed class MissingNativeLibraryTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void A_backend_folder_without_libtorch_refuses_the_model_naming_plugin_and_library()
    {
        using var folder = new TorchPluginFolder().WithUNet();
        var build = TorchPluginFolder.TorchBuild;
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("libtorch", StringComparison.Ordinal)))
        {
            var destination = Path.Combine(folder.Root, "Torch", Path.GetRelativePath(build, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            copied++;
        }
        Assert.True(copied > 0, $"torch backend not built: {build}");
        var package = ExportedPackages.Add(folder.Root, "unet-liver-phantom", "torchscript");
        var work = TestPaths.NewTempDirectory("e2e-nolib");
        try
        {
            // Its own process: a test that ran the complete backend earlier would have the library mapped in this one.
            var config = BackendHost.WriteConfig(work, folder.Root, [package, "unet-liver-phantom"]);
            var refused = BackendHost.Batch(config, package, Path.Combine(work, "package"));
            output.WriteLine(refused.Combined);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("plugin 'pipelineseg.backend.torch'", refused.Combined, StringComparison.Ordinal);
            Assert.Contains($"failed to create model '{package}' of plugin 'pipelineseg.package.{package}'", refused.Combined, StringComparison.Ordinal);
            Assert.Contains("libtorch", refused.Combined, StringComparison.OrdinalIgnoreCase);

            var builtin = BackendHost.Batch(config, "unet-liver-phantom", Path.Combine(work, "builtin"));
            Assert.True(builtin.ExitCode == 0, builtin.Combined);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
