namespace PipelineSeg.EndToEnd.Tests.ConvertAndEvaluate;

/// <summary>Runs the built pipelineseg.dll as a separate process.</summary>
internal static class Cli
{
    public static ExternalToolResult Run(params string[] args) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "pipelineseg.dll"), .. args], TimeSpan.FromMinutes(3));

    public static string ImagingFixture(string name) => TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", name);
}
