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
        PackageChecks.MissingLibraryRefusesThePackage(folder.Root, package, "pipelineseg.backend.torch",
            combined => Assert.Contains("libtorch", combined, StringComparison.OrdinalIgnoreCase), output);
    }
}
