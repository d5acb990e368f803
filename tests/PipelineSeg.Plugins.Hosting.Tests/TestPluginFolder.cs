namespace PipelineSeg.Plugins.Hosting.Tests;

/// <summary>A temporary plugins folder filled with copies of the built test plugins (each test gets its own).</summary>
internal sealed class TestPluginFolder : IDisposable
{
    public TestPluginFolder()
    {
        Root = TestPaths.NewTempDirectory("psplugins");
    }

    public string Root { get; }

    /// <summary>Copies testplugins/<paramref name="name"/> from the test output to Root/<paramref name="folder"/>.</summary>
    public string Add(string name, string? folder = null)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "testplugins", name);
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"test plugin '{name}' was not built to {source}");
        }
        var target = Path.Combine(Root, folder ?? name);
        CopyDirectory(source, target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A plugin still mapped by an unfinished unload; the temp folder is cleaned up later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
