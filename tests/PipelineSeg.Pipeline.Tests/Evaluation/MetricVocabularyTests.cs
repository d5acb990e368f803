using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Evaluation;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Evaluation;

/// <summary>report.json and evaluate --json speak one vocabulary: the same keys and the same values for the same pair.</summary>
public sealed class MetricVocabularyTests
{
    [SkippableFact]
    public async Task Report_json_and_evaluate_json_carry_the_same_metric_keys_and_values_for_the_same_pair()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 48, slices: 8);
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);
        var request = new BatchRequest
        {
            InputDirectory = phantom.Folder,
            OutputDirectory = output,
            PipelineName = "test",
            Pipeline = new PipelineDefinition { Model = "threshold" },
            SlicesPerBatch = 4,
        };
        var outcome = Assert.Single((await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request)).Series);
        Assert.Equal(SeriesStatus.Succeeded, outcome.Status);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var fromBatch = report.RootElement.GetProperty("groundTruth").GetProperty("segments").EnumerateArray().ToList();

        // the same pair through evaluate: the SEG batch wrote against the ground-truth SEG of the export
        var evaluation = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(
            Path.Combine(outcome.OutputFolder!, SeriesProcessor.SegFileName), Path.Combine(phantom.Folder, "ground-truth")));
        using var evaluated = JsonDocument.Parse(EvaluationJson.Serialize(evaluation));
        var fromEvaluate = evaluated.RootElement.GetProperty("segments").EnumerateArray().ToList();

        Assert.Equal(fromBatch.Select(s => s.GetProperty(MetricKeys.Label).GetInt32()), fromEvaluate.Select(s => s.GetProperty(MetricKeys.Label).GetInt32()));
        Assert.Equal(2, fromBatch.Count);
        foreach (var (b, e) in fromBatch.Zip(fromEvaluate))
        {
            var keys = Keys(b);
            Assert.Equal(keys, Keys(e));
            Assert.Superset(MetricKeys.SegmentMetrics.ToHashSet(), keys.ToHashSet());
            foreach (var key in MetricKeys.SegmentMetrics)
            {
                var (x, y) = (b.GetProperty(key), e.GetProperty(key));
                Assert.True(x.ValueKind == y.ValueKind, $"{key}: {x} vs {y}");
                if (x.ValueKind == JsonValueKind.Number)
                {
                    Assert.True(Math.Abs(x.GetDouble() - y.GetDouble()) <= 1e-6 * Math.Max(1, Math.Abs(x.GetDouble())), $"{key}: {x} vs {y}");
                }
            }
            Assert.Equal(Reasons(b), Reasons(e));
        }
        // liver contains lesion: its metrics cover the lesion voxels too, as the ground-truth liver does
        var liver = fromBatch.Single(s => s.GetProperty(MetricKeys.Name).GetString() == "liver");
        Assert.Equal(phantom.Case.CountLabel(1) + phantom.Case.CountLabel(2), liver.GetProperty(MetricKeys.GroundTruthVoxels).GetInt64());
    }

    private static List<string> Reasons(JsonElement segment) =>
        [.. segment.GetProperty(MetricKeys.Undefined).EnumerateObject().Select(p => $"{p.Name}: {p.Value.GetString()}")];

    private static List<string> Keys(JsonElement segment) =>
        [.. segment.EnumerateObject().Select(p => p.Name).Where(n => n != MetricKeys.Name).Order(StringComparer.Ordinal)];
}
