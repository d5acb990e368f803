using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Stages;

public sealed class SlabPipelineTests
{
    [SkippableTheory]
    [InlineData(32, 1, 1, OutputKind.Probabilities)] // resized, one slice per slab
    [InlineData(32, 1, 2, OutputKind.Logits)]
    [InlineData(32, 3, 2, OutputKind.Probabilities)] // 2.5-D: neighbours cross slab boundaries through the halo
    [InlineData(32, 5, 3, OutputKind.Probabilities)]
    [InlineData(48, 1, 4, OutputKind.Probabilities)] // model size = source size: no resampling
    [InlineData(16, 3, 8, OutputKind.Logits)] // one slab holds the whole series
    public async Task Slab_path_gives_the_same_labels_as_the_old_whole_volume_path(int modelSize, int channels, int slabSlices, OutputKind kind)
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 7);
        var layout = channels > 1 ? ChannelLayout.AdjacentSlices : ChannelLayout.SingleSlice;
        using var reference = new ThresholdModel(modelSize, kind, channels, layout);
        using var model = new ThresholdModel(modelSize, kind, channels, layout);
        var definition = new PipelineDefinition { Model = "threshold" };

        var expected = WholeVolumeReference.Labels(hu, reference, slabSlices, PipelineDefinition.DefaultThreshold);
        var result = await SlabPipelineFactory.Create(definition, [model], slabSlices).RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(hu.Size, result.Labels.Size);
        Assert.Equal(hu.Geometry, result.Labels.Geometry);
        Assert.Equal(expected.Array, result.Labels.Array);
        Assert.Contains((byte)1, result.Labels.Array);
        Assert.Contains((byte)2, result.Labels.Array);
        Assert.Equal((7 + slabSlices - 1) / slabSlices, model.Calls); // one model call per slab
        Assert.Null(result.MeanUncertainty);
    }

    [SkippableFact]
    public async Task Slab_path_equals_the_whole_volume_path_on_a_rotated_grid()
    {
        var direction = Matrix3.FromColumns(new Vec3(0.8, 0.6, 0), new Vec3(-0.6, 0.8, 0), new Vec3(0, 0, 1));
        var hu = SyntheticVolumes.Blocks(n: 40, depth: 5, geometry: new VolumeGeometry(new Vec3(-120.5, 33.25, 7), new Vec3(0.7, 0.7, 2.5), direction));
        using var reference = new ThresholdModel(32);
        using var model = new ThresholdModel(32);
        var definition = new PipelineDefinition { Model = "threshold" };

        var expected = WholeVolumeReference.Labels(hu, reference, 2, PipelineDefinition.DefaultThreshold);
        var result = await SlabPipelineFactory.Create(definition, [model], 2).RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(expected.Array, result.Labels.Array);
    }

    [SkippableFact]
    public async Task Cleanup_runs_on_the_label_volume_and_timings_are_reported()
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 4);
        hu[2, 2, 1] = 150; // a stray liver-band voxel far from the organ
        using var model = new ThresholdModel(48);
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.KeepLargestComponentOf.AddRange(["liver", "lesion"]);

        var result = await SlabPipelineFactory.Create(definition, [model], 2).RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(0, result.Labels[2, 2, 1]);
        Assert.Equal(1, result.Labels[10, 10, 1]);
        Assert.True(result.Timings.InferenceMs > 0);
    }

    [SkippableFact]
    public async Task Monte_carlo_passes_report_uncertainty_and_are_reproducible()
    {
        var hu = SyntheticVolumes.Blocks(n: 32, depth: 3);
        using var model = new ThresholdModel(32, stochastic: true);
        var definition = new PipelineDefinition { Model = "threshold" };
        definition.Inference.MonteCarloSamples = 4;
        definition.Inference.MonteCarloSeed = 11;

        var pipeline = SlabPipelineFactory.Create(definition, [model], 2);
        var first = await pipeline.RunAsync(new InMemoryVolumeSource(hu));
        var second = await pipeline.RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(first.Labels.Array, second.Labels.Array);
        Assert.Equal(first.MeanUncertainty, second.MeanUncertainty);
        Assert.InRange(first.MeanUncertainty!.Value, 1e-3, Math.Log(3));
        Assert.Equal(2 * 4 * 2, model.Calls); // two slabs, four samples, two runs
        Assert.False(model.IsStochastic);
    }

    [SkippableFact]
    public void Definitions_ask_only_what_the_models_can_do()
    {
        using var plain = new ThresholdModel(32);
        var mc = new PipelineDefinition { Model = "threshold" };
        mc.Inference.MonteCarloSamples = 3;
        Assert.Contains("monteCarloDropout is false", Assert.Throws<NotSupportedException>(() => SlabPipelineFactory.Create(mc, [plain], 2)).Message, StringComparison.Ordinal);
        var tta = new PipelineDefinition { Model = "threshold" };
        tta.Inference.TestTimeFlips = true;
        Assert.Contains("testTimeFlips is false", Assert.Throws<NotSupportedException>(() => SlabPipelineFactory.Create(tta, [plain], 2)).Message, StringComparison.Ordinal);
        using var other = new ThresholdModel(16, id: "small");
        Assert.Contains("ensemble member 'small'", Assert.Throws<NotSupportedException>(() => SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [plain, other], 2)).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Definition_validation_names_the_inference_and_smoothing_fields()
    {
        var definition = new PipelineDefinition { Model = "m" };
        definition.Inference.MonteCarloSamples = 1;
        definition.Smoothing.Kind = Pipeline.Smoothing.SmoothingKind.Gaussian;
        definition.Smoothing.Sigma = 0;
        var errors = definition.Validate("liver");
        Assert.Contains("Pipelines:liver:Inference:MonteCarloSamples must be 0 (off) or ≥ 2, got 1", errors);
        Assert.Contains("Pipelines:liver:Smoothing:Sigma must be positive, got 0", errors);
        definition.Inference.EnsembleModels.Add("b");
        Assert.Equal(["m", "b"], definition.ModelIds);
    }
}
