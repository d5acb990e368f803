using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class WeightedEnsembleTests
{
    [SkippableFact]
    public void Weights_are_normalised_and_checked()
    {
        var output = new float[2];
        new EnsemblePass([new FixedPass(1, _ => 0.2f), new FixedPass(1, _ => 0.6f)], [3, 1]).Run(new float[2], 1, output, CancellationToken.None);
        Assert.All(output, v => Assert.Equal(0.3f, v, 6)); // (3·0.2 + 0.6) / 4

        var second = new FixedPass(1, _ => 0.9f);
        new EnsemblePass([new FixedPass(1, i => i / 10f), second], [1, 0]).Run(new float[2], 1, output, CancellationToken.None);
        Assert.Equal([0f, 0.1f], output);
        Assert.Throws<ArgumentException>(() => new EnsemblePass([new FixedPass(1, _ => 0), new FixedPass(1, _ => 0)], [0, 0]));
        Assert.Throws<ArgumentException>(() => new EnsemblePass([new FixedPass(1, _ => 0), new FixedPass(1, _ => 0)], [1]));
        Assert.Throws<ArgumentException>(() => new EnsemblePass([new FixedPass(1, _ => 0), new FixedPass(1, _ => 0)], [1, -1]));
    }

    [SkippableFact]
    public async Task Weights_1_0_give_the_first_member_alone()
    {
        var hu = SyntheticVolumes.Blocks(n: 40, depth: 5);
        using var alone = new ThresholdModel(32);
        using var first = new ThresholdModel(32);
        using var other = new ThresholdModel(32, OutputKind.Logits, id: "other");
        var single = new PipelineDefinition { Model = "threshold" };
        var weighted = new PipelineDefinition { Model = "threshold" };
        weighted.Inference.EnsembleModels.Add("other");
        weighted.Inference.EnsembleWeights.AddRange([1, 0]);
        var equal = new PipelineDefinition { Model = "threshold" };
        equal.Inference.EnsembleModels.Add("other");

        var expected = (await SlabPipelineFactory.Create(single, [alone], 2).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;
        var actual = (await SlabPipelineFactory.Create(weighted, [first, other], 2).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;

        Assert.Equal(expected, actual);
        Assert.Equal(0, other.Calls);
        _ = await SlabPipelineFactory.Create(equal, [first, other], 2).RunAsync(new InMemoryVolumeSource(hu));
        Assert.Equal(3, other.Calls); // equal weights run every member
    }

    [SkippableFact]
    public void Weights_are_validated_naming_the_setting()
    {
        var definition = new PipelineDefinition { Model = "a" };
        definition.Inference.EnsembleModels.Add("b");
        definition.Inference.EnsembleWeights.AddRange([1, 2, 3]);
        Assert.Contains("Pipelines:p:Inference:EnsembleWeights needs one weight per model (2: Model, then EnsembleModels), got 3", definition.Validate("p"));
        definition.Inference.EnsembleWeights.Clear();
        definition.Inference.EnsembleWeights.AddRange([0, 0]);
        Assert.Contains("Pipelines:p:Inference:EnsembleWeights must each be ≥ 0 and not all 0, got [0, 0]", definition.Validate("p"));
    }

    [SkippableFact]
    public async Task The_report_names_every_member_with_its_weight()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        var output = Path.Combine(phantom.Root, "out");
        using var model = new ThresholdModel(size: 32);
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.Inference.EnsembleModels.Add("threshold"); // the same weights twice: a valid if redundant ensemble
        definition.Inference.EnsembleWeights.AddRange([3, 1]);
        var request = new BatchRequest { InputDirectory = phantom.Folder, OutputDirectory = output, PipelineName = "test", Pipeline = definition, SlicesPerBatch = 4 };

        var result = await new BatchProcessor(new FakeModelProvider(model), NullLogger<BatchProcessor>.Instance).RunAsync(request);

        var outcome = Assert.Single(result.Series);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.OutputFolder!, SeriesProcessor.ReportFileName)));
        var members = report.RootElement.GetProperty("model").GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["threshold", "threshold"], members.Select(m => m.GetProperty("id").GetString()));
        Assert.All(members, m => Assert.Equal("0.0.1", m.GetProperty("version").GetString()));
        Assert.Equal([0.75, 0.25], members.Select(m => m.GetProperty("weight").GetDouble()));
    }
}
