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
    public void Every_scored_segment_has_a_threshold_sweep_close_to_its_labels_at_one_half()
    {
        foreach (var (folder, report) in batch.Reports)
        {
            var truth = report.GetProperty("groundTruth");
            var scored = truth.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty(MetricKeys.Label).GetInt32());
            var sweeps = truth.GetProperty("thresholdSweep").EnumerateArray().ToList();
            Assert.Equal(scored.Keys.Order(), sweeps.Select(s => s.GetProperty("label").GetInt32()).Order());
            foreach (var sweep in sweeps)
            {
                var points = sweep.GetProperty("thresholds").EnumerateArray().ToList();
                Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], points.Select(p => p.GetProperty("threshold").GetDouble()));
                // fewer voxels pass a higher threshold
                var predicted = points.Select(p => p.GetProperty("metrics").GetProperty(MetricKeys.PredictedVoxels).GetInt64()).ToList();
                Assert.True(predicted.Zip(predicted.Skip(1)).All(p => p.First >= p.Second), $"{folder}: predicted voxels rise with the threshold");
                // the labels are argmax + clean-up of the same probabilities: at 0.5 the Dice is close to the scored one
                var label = sweep.GetProperty("label").GetInt32();
                var atHalf = points[4].GetProperty("metrics").GetProperty(MetricKeys.Dice).GetDouble();
                var labelled = scored[label].GetProperty(MetricKeys.Dice).GetDouble();
                Assert.True(Math.Abs(atHalf - labelled) < 0.05, $"{folder} label {label}: sweep Dice {atHalf} at 0.5, labels {labelled}");
            }
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
