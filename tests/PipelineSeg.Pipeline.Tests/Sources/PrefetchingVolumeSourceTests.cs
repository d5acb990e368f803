using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Sources;

public sealed class PrefetchingVolumeSourceTests
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Decoding_ahead_gives_the_same_labels_as_decoding_in_turn(int channels)
    {
        var hu = SyntheticVolumes.Blocks(n: 40, depth: 9);
        var definition = new PipelineDefinition { Model = "threshold" };
        var layout = channels > 1 ? ChannelLayout.AdjacentSlices : ChannelLayout.SingleSlice;

        var labels = new List<byte[]>();
        foreach (var prefetch in new[] { 0, 1, 2 })
        {
            using var model = new ThresholdModel(32, channels: channels, layout: layout);
            labels.Add((await SlabPipelineFactory.Create(definition, [model], 2, prefetch).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array);
        }

        Assert.Equal(labels[0], labels[1]);
        Assert.Equal(labels[0], labels[2]);
        Assert.Contains((byte)2, labels[0]);
    }

    [SkippableFact]
    public async Task The_next_slab_is_decoded_while_the_current_one_is_used_and_no_further()
    {
        var source = new TrackingVolumeSource(SyntheticVolumes.Ramp(n: 4, depth: 10, step: 1));
        var prefetching = new PrefetchingVolumeSource(source, capacity: 1);
        var seen = new List<int>();

        await foreach (var slab in prefetching.ReadAsync(slabSlices: 1, halo: 0))
        {
            seen.Add(slab.First);
            if (slab.First == 0)
            {
                // While slab 0 is "inferred", the decoder fills the channel (1) and decodes one more, then waits.
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (source.Produced < 3 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }
                await Task.Delay(100);
                Assert.Equal(3, source.Produced);
            }
        }

        Assert.Equal(Enumerable.Range(0, 10), seen);
        Assert.True(source.Finished);
    }

    [SkippableFact]
    public async Task Cancellation_stops_the_consumer_and_the_decoder()
    {
        var source = new TrackingVolumeSource(SyntheticVolumes.Ramp(n: 4, depth: 50, step: 1));
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var slab in new PrefetchingVolumeSource(source, capacity: 2).ReadAsync(1, 0, cancel.Token))
            {
                if (slab.First == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.True(source.Finished); // the decoder was cancelled and awaited before the enumeration ended
        Assert.InRange(source.Produced, 3, 3 + 2 + 1);
    }

    [SkippableFact]
    public async Task Cancelling_during_inference_stops_the_pipeline_and_its_decoder()
    {
        var source = new TrackingVolumeSource(SyntheticVolumes.Blocks(n: 32, depth: 40));
        using var cancel = new CancellationTokenSource();
        using var model = new ThresholdModel(16) { OnPredict = calls => { if (calls == 3) { cancel.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], 1, prefetchSlabs: 1).RunAsync(source, cancel.Token));

        Assert.True(source.Finished);
        Assert.InRange(source.Produced, 3, 3 + 1 + 1);
        Assert.InRange(model.Calls, 3, 4);
    }
}
