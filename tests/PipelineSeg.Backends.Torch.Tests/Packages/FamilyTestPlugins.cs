namespace PipelineSeg.Backends.Torch.Tests.Packages;

/// <summary>Copies a built family plugin (testplugins/&lt;name&gt;: UNet, SegNet, DeepLab, CycleGan) into a torch test's plugins folder.</summary>
internal static class FamilyTestPlugins
{
    public static TorchPluginFolder WithFamily(this TorchPluginFolder folder, string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "testplugins", name);
        Assert.True(Directory.Exists(source), $"{source} is missing (family plugin not built)");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(folder.Root, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return folder;
    }
}
