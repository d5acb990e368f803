using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Postprocessing;

/// <summary>Thresholds: per segment from configuration, else the pipeline's, else the manifest's default, else 0.5.</summary>
public sealed class ThresholdPolicyTests
{
    [SkippableFact]
    public void Segment_threshold_comes_before_the_pipeline_then_the_manifest_then_the_default()
    {
        var definition = new PipelineDefinition { Model = "m" };
        Assert.Equal(0.5, definition.ThresholdFor("liver", null));
        Assert.Equal(0.3, definition.ThresholdFor("liver", 0.3));
        definition.Threshold = 0.6;
        Assert.Equal(0.6, definition.ThresholdFor("liver", 0.3));
        definition.Thresholds["Liver"] = 0.7;
        Assert.Equal(0.7, definition.ThresholdFor("liver", 0.3));
        Assert.Equal(0.6, definition.ThresholdFor("lesion", 0.3));
    }

    [SkippableFact]
    public void Each_class_is_held_to_its_own_threshold()
    {
        float[] background = [0.2f, 0.2f, 0.3f];
        float[] liver = [0.7f, 0.1f, 0.6f];
        float[] lesion = [0.1f, 0.7f, 0.1f];
        var labels = new byte[3];

        LabelDecision.ArgmaxWithThresholds([background, liver, lesion], background: 0, thresholds: [0.5, 0.65, 0.8], labels);

        Assert.Equal(new byte[] { 1, 0, 0 }, labels);
    }

    [SkippableFact]
    public async Task Configured_and_manifest_thresholds_reach_the_label_volume()
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 3); // the model gives its class 0.9, the others 0.05
        var plain = new PipelineDefinition { Model = "threshold" };
        var strictLesion = new PipelineDefinition { Model = "threshold" };
        strictLesion.Thresholds["lesion"] = 0.95;

        using var model = new ThresholdModel(48);
        var both = (await SlabPipelineFactory.Create(plain, [model], 2).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;
        var noLesion = (await SlabPipelineFactory.Create(strictLesion, [model], 2).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;
        using var strictModel = new ThresholdModel(48, defaultThreshold: 0.95);
        var manifestStrict = (await SlabPipelineFactory.Create(plain, [strictModel], 2).RunAsync(new InMemoryVolumeSource(hu))).Labels.Array;

        Assert.Contains((byte)2, both);
        Assert.DoesNotContain((byte)2, noLesion);
        Assert.Equal(both.Count(v => v == 1), noLesion.Count(v => v == 1));
        Assert.All(manifestStrict, v => Assert.Equal(0, v));
    }

    [SkippableFact]
    public void Thresholds_are_validated_naming_the_setting()
    {
        var definition = new PipelineDefinition { Model = "m", Threshold = 1.5 };
        definition.Thresholds["lesion"] = 0;

        var errors = definition.Validate("liver");

        Assert.Contains("Pipelines:liver:Threshold must be between 0 and 1 (exclusive), got 1.5", errors);
        Assert.Contains("Pipelines:liver:Thresholds:lesion must be between 0 and 1 (exclusive), got 0", errors);
    }
}
