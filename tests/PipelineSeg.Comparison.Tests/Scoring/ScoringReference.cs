using System.Text.Json;
namespace PipelineSeg.Comparison.Tests.Scoring;

/// <summary>tools/compare/reference_compare.py run once per test run: its masks, probability maps and reference.json.</summary>
internal static class ScoringReference
{
    private static readonly Lazy<(string Folder, JsonDocument Json)> Run = new(() =>
    {
        // kept for the whole test run: every test reads its arrays
        var folder = Directory.CreateTempSubdirectory("pipelineseg-compare-reference-").FullName;
        var result = ExternalTool.Run(ExternalTool.Python, [TestPaths.Repo("tools", "compare", "reference_compare.py"), folder]);
        Assert.True(result.ExitCode == 0, result.Combined);
        return (folder, JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reference.json"))));
    });

    public static string Folder => Run.Value.Folder;

    public static JsonElement Root => Run.Value.Json.RootElement;
}
