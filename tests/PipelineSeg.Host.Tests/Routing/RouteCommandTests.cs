using System.Text.Json;
using PipelineSeg.Host.Tests.Cli;
using PipelineSeg.Testing;

namespace PipelineSeg.Host.Tests.Routing;

/// <summary>Routing settings are validated at start-up, and <c>route</c> explains the decision per series of samples/dicom.</summary>
public sealed class RouteCommandTests
{
    // phantom-0001/0003 have 3.5 mm slices, phantom-0002 3 mm; all are CT ABDOMEN "Synthetic abdomen phantom".
    private const string Rules = """
        {"Routing":{"Rules":[
          {"Name":"thick","Match":{"Modality":"CT","SliceThicknessMm":{"Min":3.2}},"Ignore":true},
          {"Name":"abdomen","Match":{"BodyPartExamined":"abdomen","SeriesDescription":"^synthetic .*phantom$","Manufacturer":"PipelineSeg phantom generator"},"Pipelines":["liver"]},
          {"Name":"from-pacs","Match":{"CallingAeTitle":"PACS1"},"Pipelines":["liver"]}
        ]}}
        """;

    [SkippableTheory]
    [InlineData("""{"Routing":{"Rules":[{"Name":"r","Match":{"Modality":"CT"},"Pipelines":["brain"]}]}}""", "Routing:Rules:0:Pipelines:0 'brain' is not defined under Pipelines")]
    [InlineData("""{"Routing":{"Rules":[{"Name":"r","Match":{"SeriesDescription":"("},"Pipelines":["liver"]}]}}""", "Routing:Rules:0:Match:SeriesDescription is not a valid regular expression")]
    [InlineData("""{"Routing":{"Rules":[{"Name":"r","Pipelines":["liver"]}]}}""", "Routing:Rules:0:Match sets no condition")]
    [InlineData("""{"Routing":{"Rules":[{"Name":"r","Match":{"ProtocolName":"x"},"Ignore":true},{"Name":"R","Match":{"Modality":"CT"},"Ignore":true}]}}""", "the name 'r' is used by more than one rule")]
    [InlineData("""{"Routing":{"DefaultPipelines":["kidney"]}}""", "Routing:DefaultPipelines:0 'kidney' is not defined under Pipelines")]
    public async Task Invalid_routing_gives_exit_code_2_naming_the_setting(string json, string expected)
    {
        var (code, _, error) = await RunWithConfigAsync(json, "models");
        Assert.Equal(2, code);
        Assert.Contains("configuration error", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Route_explains_each_series_and_never_prints_patient_identifiers()
    {
        var (code, output, error) = await RunWithConfigAsync(Rules, "route", "--input", TestPaths.Repo("samples", "dicom"));
        Assert.True(code == 0, error);
        Assert.Equal(2, Count(output, "ignored by rule 'thick'"));
        Assert.Equal(1, Count(output, "pipelines: liver by rule 'abdomen'"));
        Assert.Contains("FAIL SliceThicknessMm: expected [3.2, +inf] mm, seen '3'", output, StringComparison.Ordinal);
        Assert.Contains("ok   SeriesDescription: expected /^synthetic .*phantom$/, seen 'Synthetic abdomen phantom'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PHANTOM^", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PHANTOM-000", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Route_json_lists_decisions_and_takes_the_calling_ae_title()
    {
        var noThick = Rules.Replace("\"Min\":3.2", "\"Min\":9", StringComparison.Ordinal)
            .Replace("\"BodyPartExamined\":\"abdomen\"", "\"BodyPartExamined\":\"HEAD\"", StringComparison.Ordinal);
        var (code, output, error) = await RunWithConfigAsync(noThick, "route", "--input", TestPaths.Repo("samples", "dicom"), "--calling-ae", "pacs1", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var series = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, series.Count);
        Assert.All(series, s =>
        {
            var decision = s.EnumerateObject().Single(p => p.NameEquals("decision")).Value;
            Assert.Equal("from-pacs", decision.GetProperty("rule").GetString());
            Assert.Equal(3, decision.GetProperty("evaluations").GetArrayLength());
        });
        Assert.DoesNotContain("PHANTOM^", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Without_rules_every_series_gets_the_default_pipeline()
    {
        var (code, output, _) = await CliRun.RunAsync("route", "--input", TestPaths.Repo("samples", "dicom"));
        Assert.Equal(0, code);
        Assert.Contains("no Routing:Rules configured", output, StringComparison.Ordinal);
        Assert.Equal(3, Count(output, "pipelines: liver by no rule matched (default)"));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private static async Task<(int, string, string)> RunWithConfigAsync(string json, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipelineseg-routing-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            return await CliRun.RunAsync([.. args, "--config", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
