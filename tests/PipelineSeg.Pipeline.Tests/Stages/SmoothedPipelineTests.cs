using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Smoothing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

public sealed class SmoothedPipelineTests
{
    [SkippableTheory]
    [InlineData(SmoothingKind.Gaussian, SmoothingEdges.Renormalise)]
    [InlineData(SmoothingKind.Gaussian, SmoothingEdges.Nearest)]
    [InlineData(SmoothingKind.MovingAverage, SmoothingEdges.Renormalise)]
    public async Task Slab_size_does_not_change_the_smoothed_labels(SmoothingKind kind, SmoothingEdges edges)
    {
        const int depth = 9;
        var hu = SyntheticVolumes.Blocks(n: 32, depth: depth); // 3 mm slices: SigmaMm 4 is σ 1.33 slices, radius 5
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.Smoothing.Kind = kind;
        definition.Smoothing.Edges = edges;
        if (kind == SmoothingKind.Gaussian)
        {
            definition.Smoothing.SigmaMm = 4;
        }
        else
        {
            definition.Smoothing.Radius = 2;
        }

        var results = new List<byte[]>();
        foreach (var slab in new[] { 1, 3, depth })
        {
            using var model = new ThresholdModel(16);
            results.Add((await SlabPipelineFactory.Create(definition, [model], slab).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array);
        }
        using var plainModel = new ThresholdModel(16);
        var plain = (await SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [plainModel], 3).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
        Assert.NotEqual(plain, results[0]); // the moving lesion's edges change: smoothing did run
    }
}
