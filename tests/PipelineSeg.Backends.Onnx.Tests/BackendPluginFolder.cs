namespace PipelineSeg.Backends.Onnx.Tests;

/// <summary>A temporary plugins folder: built plugins from testplugins/ and sample model packages from samples/models/.</summary>
internal sealed class BackendPluginFolder : IDisposable
{
    public string Root { get; } = TestPaths.NewTempDirectory("psbackends");

    /// <summary>Copies the built plugin testplugins/<paramref name="name"/>.</summary>
    public BackendPluginFolder WithPlugin(string name)
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "testplugins", name), Path.Combine(Root, name));
        return this;
    }

    /// <summary>Copies the model package samples/models/<paramref name="name"/>; returns its folder.</summary>
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
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A native library still mapped by an unfinished unload; the temp folder is cleaned up later.
        }
    }

    private static void Copy(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"{source} is missing (plugin not built, or sample package not exported)");
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
