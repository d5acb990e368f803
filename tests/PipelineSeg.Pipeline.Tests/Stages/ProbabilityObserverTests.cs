using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

/// <summary>The probability observer `compare` uses: every slice once, in order, the probabilities the labels come from, labels unchanged.</summary>
public sealed class ProbabilityObserverTests
{
    [SkippableFact]
    public async Task Observer_sees_every_slice_once_in_order_and_the_labels_do_not_change()
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 5); // the model gives its class 0.9, the others 0.05
        var definition = new PipelineDefinition { Model = "threshold" };
        using var model = new ThresholdModel(48);
        var seen = new List<ProbabilitySlab>();
        var observed = await SlabPipelineFactory.Create(definition, [model], 2).RunAsync(new InMemoryVolumeSource(hu), [new Collecting(seen)]);
        var plain = await SlabPipelineFactory.Create(definition, [model], 2).RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(Enumerable.Range(0, 5), seen.SelectMany(s => Enumerable.Range(s.First, s.Count)));
        Assert.Equal(plain.Labels.Array, observed.Labels.Array);
        // the label at each voxel is the argmax of what the observer saw (same size: no resampling)
        foreach (var slab in seen)
        {
            for (var s = 0; s < slab.Count; s++)
            {
                var labels = observed.Labels.Slice(slab.First + s);
                for (var i = 0; i < slab.Plane; i += 7)
                {
                    var best = Enumerable.Range(0, slab.Classes).MaxBy(k => slab.Channel(s, k)[i]);
                    Assert.Equal(best, labels[i]);
                }
            }
        }
    }

    /// <summary>Keeps a copy of every slab: the pipeline reuses a slab's arrays once its observers have returned.</summary>
    private sealed class Collecting(List<ProbabilitySlab> seen) : ISlabObserver
    {
        public void Add(ProbabilitySlab slab, CancellationToken cancellationToken) => seen.Add(slab with { Probabilities = [.. slab.Probabilities], Release = null });
    }
}
