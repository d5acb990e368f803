using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

/// <summary>The per-segment std map over Monte-Carlo passes: computed per slab, kept as bytes on the source grid.</summary>
public sealed class SpreadTests
{
    [SkippableFact]
    public void Accumulator_spread_is_the_population_std_of_each_class_probability()
    {
        var accumulator = new MonteCarloAccumulator(slices: 1, classes: 2, plane: 1);
        accumulator.Add([0.2f, 0.8f]);
        accumulator.Add([0.6f, 0.4f]);
        accumulator.Add([0.1f, 0.9f]);
        var spread = new float[2];

        accumulator.WriteSpread(spread);

        double Std(params double[] v) => Math.Sqrt(v.Select(x => (x - v.Average()) * (x - v.Average())).Average());
        Assert.Equal(Std(0.2, 0.6, 0.1), spread[0], 5);
        Assert.Equal(Std(0.8, 0.4, 0.9), spread[1], 5);
    }

    [SkippableTheory]
    [InlineData(3, 3)]
    [InlineData(5, 2)]
    public async Task Pipeline_std_map_equals_the_std_over_the_passes_computed_directly(int samples, int slabSlices)
    {
        const int n = 8;
        var hu = SyntheticVolumes.Blocks(n: n, depth: 4);
        using var model = new SequenceModel(n);
        var definition = new PipelineDefinition { Model = "sequence" };
        definition.Inference.MonteCarloSamples = samples;

        var result = await SlabPipelineFactory.Create(definition, [model], slabSlices).RunAsync(new InMemoryVolumeSource(hu));

        var (segment, map) = Assert.Single(result.Spread!);
        Assert.Equal("liver", segment.Label);
        var plane = n * n;
        for (var z = 0; z < 4; z++)
        {
            var s = z % slabSlices; // slab-relative slice: the model sees pixel indices within its slab
            for (var p = 0; p < plane; p++)
            {
                var values = Enumerable.Range(0, samples).Select(k => (double)SequenceModel.Foreground(k, (s * plane) + p)).ToList();
                var std = Math.Sqrt(values.Select(v => (v - values.Average()) * (v - values.Average())).Average());
                var stored = map.Slice(z)[p];
                Assert.InRange(SpreadVolumes.ToStd(stored), std - (0.5 / SpreadVolumes.Scale) - 1e-6, std + (0.5 / SpreadVolumes.Scale) + 1e-6);
            }
        }
        Assert.Contains(map.Array, v => v > 0);
    }

    [SkippableFact]
    public async Task No_spread_without_Monte_Carlo_passes()
    {
        using var model = new SequenceModel(8);
        var result = await SlabPipelineFactory.Create(new PipelineDefinition { Model = "sequence" }, [model], 2).RunAsync(new InMemoryVolumeSource(SyntheticVolumes.Blocks(n: 8, depth: 3)));
        Assert.Null(result.Spread);
    }
}
