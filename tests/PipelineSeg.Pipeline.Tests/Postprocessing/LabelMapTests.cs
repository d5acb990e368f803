using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Postprocessing;

public sealed class LabelMapTests
{
    private static readonly IReadOnlyList<PipelineSeg.Plugins.Abstractions.SegmentClass> Classes = new ThresholdModel().Manifest.Output.Classes;

    [SkippableFact]
    public void A_foreground_class_below_the_threshold_becomes_background()
    {
        float[] background = [0.2f, 0.45f, 0.1f];
        float[] liver = [0.7f, 0.46f, 0.3f];
        float[] lesion = [0.1f, 0.09f, 0.6f];
        var labels = new byte[3];
        LabelDecision.ArgmaxWithThreshold([background, liver, lesion], background: 0, threshold: 0.5, labels);

        Assert.Equal(new byte[] { 1, 0, 2 }, labels);
    }

    [SkippableFact]
    public void Only_the_largest_organ_component_is_kept_with_its_lesions()
    {
        var labels = new Volume<byte>(10, 1, 1, VolumeGeometry.WithSpacing(10, 10, 10));
        byte[] values = [1, 1, 2, 1, 0, 0, 1, 2, 0, 2];
        values.CopyTo(labels.Array, 0);
        var definition = new PipelineDefinition { Model = "m" };
        definition.KeepLargestComponentOf.AddRange(["liver", "lesion"]);

        LabelMapCleanup.Apply(labels, Classes, definition);

        Assert.Equal(new byte[] { 1, 1, 2, 1, 0, 0, 0, 0, 0, 0 }, labels.Array);
    }

    [SkippableFact]
    public void Every_lesion_inside_the_kept_organ_survives_not_only_the_largest()
    {
        // Liver and lesion form one organ: two separate lesions inside the largest liver component both stay; a
        // lesion and a liver island outside it go.
        var labels = new Volume<byte>(9, 1, 1, VolumeGeometry.WithSpacing(10, 10, 10));
        byte[] values = [2, 1, 1, 2, 1, 0, 2, 0, 1];
        values.CopyTo(labels.Array, 0);
        var definition = new PipelineDefinition { Model = "m" };
        definition.KeepLargestComponentOf.AddRange(["liver", "lesion"]);

        LabelMapCleanup.Apply(labels, Classes, definition);

        Assert.Equal(new byte[] { 2, 1, 1, 2, 1, 0, 0, 0, 0 }, labels.Array);
    }

    [SkippableFact]
    public void Components_smaller_than_the_minimum_volume_are_removed()
    {
        // 1 voxel = 1 ml.
        var labels = new Volume<byte>(8, 1, 1, VolumeGeometry.WithSpacing(10, 10, 10));
        byte[] values = [1, 1, 1, 0, 2, 0, 2, 2];
        values.CopyTo(labels.Array, 0);
        var definition = new PipelineDefinition { Model = "m", MinimumComponentMl = 1.5 };

        LabelMapCleanup.Apply(labels, Classes, definition);

        Assert.Equal(new byte[] { 1, 1, 1, 0, 0, 0, 2, 2 }, labels.Array);
    }

    [SkippableFact]
    public void Naming_a_class_the_model_lacks_is_an_error_naming_it()
    {
        var definition = new PipelineDefinition { Model = "m" };
        definition.KeepLargestComponentOf.Add("spleen");
        var ex = Assert.Throws<InvalidOperationException>(() => LabelMapCleanup.Apply(new Volume<byte>(2, 1, 1), Classes, definition));
        Assert.Contains("spleen", ex.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(0.0, "Threshold")]
    [InlineData(1.0, "Threshold")]
    public void Definition_validation_names_the_field(double threshold, string field)
    {
        var errors = new PipelineDefinition { Model = "m", Threshold = threshold }.Validate("liver");
        Assert.Contains(errors, e => e.Contains($"Pipelines:liver:{field}", StringComparison.Ordinal));
        Assert.Empty(new PipelineDefinition { Model = "m" }.Validate("liver"));
    }
}
