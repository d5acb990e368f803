using System.Diagnostics;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

public sealed class PreparedInputsTests
{
    [SkippableFact]
    public async Task Inputs_handed_back_are_reused_so_a_long_series_needs_only_a_few_tensors()
    {
        using var model = new ThresholdModel(size: 16);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, "threshold");
        var seen = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        var count = 0;

        await foreach (var input in PreparedInputs.ReadAsync(new InMemoryVolumeSource(SyntheticVolumes.Blocks(n: 32, depth: 40)), preprocessor, 2, 1, new Stopwatch()))
        {
            seen.Add(input.Input);
            count++;
            input.Release?.Invoke();
        }

        Assert.Equal(20, count);
        Assert.InRange(seen.Count, 1, 1 + 2); // capacity + 2 at most
    }

    [SkippableFact]
    public async Task A_source_that_fails_fails_the_pipeline_with_its_own_error()
    {
        using var model = new ThresholdModel(size: 16);
        var source = new FailingVolumeSource(new InMemoryVolumeSource(SyntheticVolumes.Blocks(n: 32, depth: 12)), failAtSlab: 3);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], 2, prefetchSlabs: 1).RunAsync(source));

        Assert.Equal("slab 3 is unreadable", error.Message);
        Assert.InRange(model.Calls, 1, 3);
    }
}
