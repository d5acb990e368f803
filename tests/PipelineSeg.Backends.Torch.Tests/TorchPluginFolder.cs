namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// A temporary plugins folder: the torch backend's build output linked in (LibTorch is too large to copy per test),
/// copies of built family plugins and of sample model packages.
/// </summary>
internal sealed class TorchPluginFolder : IDisposable
{
    public string Root { get; } = TestPaths.NewTempDirectory("pstorch");

    /// <summary>plugins/PipelineSeg.Backends.Torch/bin/&lt;Configuration&gt;/net10.0/.</summary>
    public static string TorchBuild
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return TestPaths.Repo("plugins", "PipelineSeg.Backends.Torch", "bin", tfm.Parent!.Name, tfm.Name);
        }
    }

    public TorchPluginFolder WithTorch()
    {
        Assert.True(File.Exists(Path.Combine(TorchBuild, "PipelineSeg.Backends.Torch.dll")), $"torch backend not built: {TorchBuild}");
        Directory.CreateSymbolicLink(Path.Combine(Root, "Torch"), TorchBuild);
        return this;
    }

    public TorchPluginFolder WithUNet() => WithPlugin("UNet");

    /// <summary>Copies the built family plugin testplugins/<paramref name="family"/> (UNet, SegNet, CycleGan) to Root/<paramref name="family"/>.</summary>
    public TorchPluginFolder WithPlugin(string family)
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", family), Path.Combine(Root, family));
        return this;
    }

    /// <summary>The built DeepLab plugin (its plugin.json serves deeplabv3-liver-phantom); returns its folder.</summary>
    public string AddDeepLab()
    {
        var target = Path.Combine(Root, "DeepLab");
        Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", "DeepLab"), target);
        return target;
    }

    /// <summary>Copies samples/models/<paramref name="name"/>; returns its folder.</summary>
    public string AddPackage(string name)
    {
        var target = Path.Combine(Root, name);
        Copy(TestPaths.Repo("samples", "models", name), target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            // Deletes the link, not the build output it points to.
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
