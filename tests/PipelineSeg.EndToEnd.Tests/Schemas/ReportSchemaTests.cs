using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineSeg.EndToEnd.Tests.Batch;
using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.EndToEnd.Tests.Schemas;

/// <summary>The report.json of a real batch run follows schemas/report.schema.json, and the schema holds the metric vocabulary.</summary>
public sealed class ReportSchemaTests(SampleBatchFixture batch) : IClassFixture<SampleBatchFixture>
{
    [SkippableFact]
    public void Every_sample_report_is_valid_against_the_schema()
    {
        Assert.Equal(3, batch.Reports.Count);
        foreach (var (folder, report) in batch.Reports)
        {
            var errors = ReportSchema.Errors(report);
            Assert.True(errors.Count == 0, $"{folder}/report.json:\n{string.Join('\n', errors)}");
        }
    }

    [SkippableFact]
    public void A_renamed_or_missing_metric_key_is_rejected()
    {
        var report = batch.Reports.Values.First();
        var renamed = JsonNode.Parse(report.GetRawText())!;
        var segment = renamed["groundTruth"]!["segments"]![0]!.AsObject();
        segment["Dice"] = segment[MetricKeys.Dice]!.DeepClone();
        segment.Remove(MetricKeys.Dice);
        Assert.NotEmpty(ReportSchema.Errors(JsonSerializer.SerializeToElement(renamed)));

        var zeroed = JsonNode.Parse(report.GetRawText())!;
        zeroed["groundTruth"]!["segments"]![0]![MetricKeys.Dice] = 1.5;
        Assert.NotEmpty(ReportSchema.Errors(JsonSerializer.SerializeToElement(zeroed)));
    }

    [SkippableFact]
    public void The_schema_requires_every_metric_key_of_the_vocabulary()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(TestPaths.Repo("schemas", "report.schema.json")));
        var metrics = schema.RootElement.GetProperty("$defs").GetProperty("segmentMetrics");
        var required = metrics.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal);
        var declared = metrics.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in MetricKeys.SegmentMetrics.Append(MetricKeys.Label).Append(MetricKeys.Name).Append(MetricKeys.Undefined))
        {
            Assert.Contains(key, required);
        }
        // nothing in the schema that the vocabulary does not know
        Assert.Subset(MetricKeys.SegmentMetrics.Concat([MetricKeys.Label, MetricKeys.Name, MetricKeys.Undefined, MetricKeys.Slices]).ToHashSet(StringComparer.Ordinal), declared);
    }
}
