namespace PipelineSeg.Backends.Onnx.Tests;

/// <summary>The real CLI as a separate process: <c>dotnet &lt;host output&gt;/pipelineseg.dll …</c>.</summary>
internal static class HostCli
{
    /// <summary>src/PipelineSeg.Host/bin/&lt;Configuration&gt;/net10.0/ (config/ and the bundled plugins/).</summary>
    public static string HostDirectory
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return TestPaths.Repo("src", "PipelineSeg.Host", "bin", tfm.Parent!.Name, tfm.Name);
        }
    }

    public static ExternalToolResult Run(params string[] args)
    {
        var dll = Path.Combine(HostDirectory, "pipelineseg.dll");
        Assert.True(File.Exists(dll), $"host not built: {dll}");
        return ExternalTool.Run("dotnet", [dll, .. args], TimeSpan.FromMinutes(5));
    }
}
