namespace PipelineSeg.Host.Tests.Cli;

/// <summary>The plugins the Host's build publishes (src/PipelineSeg.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;/plugins), copied into a test's plugins folder.</summary>
internal static class BundledPlugins
{
    /// <summary>The bundled plugin folder <paramref name="name"/>.</summary>
    public static string Folder(string name)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return TestPaths.Repo("src", "PipelineSeg.Host", "bin", tfm.Parent!.Name, tfm.Name, "plugins", name);
    }

    /// <summary>Copies the bundled plugin <paramref name="name"/> to <paramref name="target"/>; returns <paramref name="target"/>.</summary>
    public static string CopyTo(string name, string target)
    {
        var source = Folder(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
