namespace PipelineSeg.EndToEnd.Tests.Cli;

/// <summary>Runs the real CLI as a separate process: <c>dotnet &lt;host output&gt;/pipelineseg.dll …</c>.</summary>
internal static class PipelineSegCli
{
    /// <summary>The Host's own output folder (it holds config/ and the bundled plugins/), same configuration as the tests.</summary>
    public static string HostDirectory => HostBuild.Directory;

    public static string Dll => HostBuild.Dll;

    public static ExternalToolResult Run(params string[] args)
    {
        Assert.True(File.Exists(Dll), $"host not built: {Dll}");
        return ExternalTool.Run("dotnet", [Dll, .. args], TimeSpan.FromMinutes(5));
    }
}
