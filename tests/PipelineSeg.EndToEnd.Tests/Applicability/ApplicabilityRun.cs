using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Applicability;

/// <summary>One <c>pipelineseg batch</c> run and what it wrote: the console, batch-summary.json and the reports.</summary>
internal sealed record ApplicabilityRun(ExternalToolResult Cli, JsonElement Summary, IReadOnlyList<JsonElement> Reports)
{
    /// <summary>Runs batch over <paramref name="input"/> into <paramref name="output"/>, with extra arguments.</summary>
    public static ApplicabilityRun Batch(string input, string output, params string[] extra)
    {
        var cli = PipelineSegCli.Run(["batch", "--input", input, "--output", output, .. extra]);
        var summaryPath = Path.Combine(output, "batch-summary.json");
        Assert.True(File.Exists(summaryPath), cli.Combined);
        var summary = JsonDocument.Parse(File.ReadAllText(summaryPath)).RootElement.Clone();
        var reports = Directory.GetFiles(output, "report.json", SearchOption.AllDirectories)
            .Select(p => JsonDocument.Parse(File.ReadAllText(p)).RootElement.Clone()).ToList();
        return new ApplicabilityRun(cli, summary, reports);
    }

    /// <summary>A JSON configuration file layered over config/appsettings.json.</summary>
    public static string Config(string folder, string json)
    {
        var path = Path.Combine(folder, "extra.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The check of a report's (or an outcome's) applicability block with this name.</summary>
    public static JsonElement Check(JsonElement applicability, string name) =>
        applicability.GetProperty("input").EnumerateArray().Concat(applicability.GetProperty("result").EnumerateArray())
            .Single(c => c.GetProperty("name").GetString() == name);
}
