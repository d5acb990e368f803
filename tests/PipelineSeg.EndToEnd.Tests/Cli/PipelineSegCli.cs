namespace PipelineSeg.EndToEnd.Tests.Cli;

/// <summary>Runs the real CLI as a separate process: <c>dotnet &lt;host output&gt;/pipelineseg.dll …</c>.</summary>
internal static class PipelineSegCli
{
    /// <summary>The Host's own output folder (it holds config/ and the bundled plugins/), same configuration as the tests.</summary>
    public static string HostDirectory
    {
        get
        {
            // tests/PipelineSeg.EndToEnd.Tests/bin/<Configuration>/net10.0/ -> src/PipelineSeg.Host/bin/<Configuration>/net10.0/
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfm.Parent!.Name;
            return TestPaths.Repo("src", "PipelineSeg.Host", "bin", configuration, tfm.Name);
        }
    }

    public static string Dll => Path.Combine(HostDirectory, "pipelineseg.dll");

    public static ExternalToolResult Run(params string[] args)
    {
        Assert.True(File.Exists(Dll), $"host not built: {Dll}");
        return ExternalTool.Run("dotnet", [Dll, .. args], TimeSpan.FromMinutes(5));
    }
}
