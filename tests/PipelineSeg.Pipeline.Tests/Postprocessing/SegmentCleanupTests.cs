using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Postprocessing;

/// <summary>The per-segment rules of <c>Pipelines:&lt;name&gt;:Cleanup:&lt;segment&gt;</c> (classes: background, liver, lesion).</summary>
public sealed class SegmentCleanupTests
{
    private static readonly IReadOnlyList<PipelineSeg.Plugins.Abstractions.SegmentClass> Classes = new ThresholdModel().Manifest.Output.Classes;

    private static Volume<byte> Row(params byte[] values)
    {
        var labels = new Volume<byte>(values.Length, 1, 1, VolumeGeometry.WithSpacing(10, 10, 10)); // 1 voxel = 1 ml
        values.CopyTo(labels.Array, 0);
        return labels;
    }

    private static PipelineDefinition With(string segment, SegmentCleanupDefinition rules)
    {
        var definition = new PipelineDefinition { Model = "m" };
        definition.Cleanup[segment] = rules;
        return definition;
    }

    [SkippableFact]
    public void Keep_largest_component_applies_to_the_named_segment_only()
    {
        var labels = Row(2, 2, 0, 2, 0, 1, 0, 1, 1);

        LabelMapCleanup.Apply(labels, Classes, With("Lesion", new SegmentCleanupDefinition { KeepLargestComponent = true }));

        Assert.Equal(new byte[] { 2, 2, 0, 0, 0, 1, 0, 1, 1 }, labels.Array);
    }

    [SkippableFact]
    public void A_segment_minimum_volume_overrides_the_pipeline_minimum()
    {
        var labels = Row(1, 1, 0, 1, 1, 1, 0, 2, 2, 0, 2);
        var definition = With("liver", new SegmentCleanupDefinition { MinimumComponentMl = 3 });
        definition.MinimumComponentMl = 1.5; // lesion keeps the pipeline-wide rule

        LabelMapCleanup.Apply(labels, Classes, definition);

        Assert.Equal(new byte[] { 0, 0, 0, 1, 1, 1, 0, 2, 2, 0, 0 }, labels.Array);
    }

    [SkippableFact]
    public void Components_spanning_too_few_slices_are_dropped()
    {
        // A 3×3 liver plate on one slice (9 voxels) goes; a 1-voxel column over 3 slices stays.
        var labels = new Volume<byte>(6, 3, 3, VolumeGeometry.WithSpacing(1, 1, 1));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 3; x++)
            {
                labels[x, y, 1] = 1;
            }
        }
        for (var z = 0; z < 3; z++)
        {
            labels[5, 1, z] = 1;
        }

        LabelMapCleanup.Apply(labels, Classes, With("liver", new SegmentCleanupDefinition { MinimumSlices = 2 }));

        Assert.Equal(3, labels.Array.Count(v => v == 1));
        Assert.All(Enumerable.Range(0, 3), z => Assert.Equal(1, labels[5, 1, z]));
    }

    [SkippableFact]
    public void Holes_are_filled_per_slice_with_background_only_and_open_gaps_stay()
    {
        // Slice 0: a closed liver ring around a background pixel and a lesion pixel. Slice 1: the ring is open.
        var labels = new Volume<byte>(5, 4, 2, VolumeGeometry.WithSpacing(1, 1, 1));
        for (var z = 0; z < 2; z++)
        {
            for (var y = 0; y < 4; y++)
            {
                for (var x = 0; x < 5; x++)
                {
                    labels[x, y, z] = (byte)(x is 0 or 4 || y is 0 or 3 ? 1 : 0);
                }
            }
        }
        labels[2, 2, 0] = 2;
        labels[0, 1, 1] = 0; // gap to the border

        LabelMapCleanup.Apply(labels, Classes, With("liver", new SegmentCleanupDefinition { FillHolesPerSlice = true }));

        Assert.Equal(new byte[] { 1, 1, 1 }, new[] { labels[1, 1, 0], labels[2, 1, 0], labels[3, 2, 0] });
        Assert.Equal(2, labels[2, 2, 0]); // the lesion stays
        Assert.Equal(0, labels[2, 1, 1]); // open ring: not a hole
    }

    [SkippableFact]
    public void Rules_are_validated_naming_the_setting_and_unknown_segments_are_refused()
    {
        var definition = With("liver", new SegmentCleanupDefinition { MinimumComponentMl = -1, MinimumSlices = -2 });
        definition.Cleanup[" "] = new SegmentCleanupDefinition();

        var errors = definition.Validate("abdomen");

        Assert.Contains("Pipelines:abdomen:Cleanup:liver:MinimumComponentMl must be ≥ 0, got -1", errors);
        Assert.Contains("Pipelines:abdomen:Cleanup:liver:MinimumSlices must be ≥ 0, got -2", errors);
        Assert.Contains("Pipelines:abdomen:Cleanup has an entry without a segment label", errors);
        using var model = new ThresholdModel(16);
        var spleen = With("spleen", new SegmentCleanupDefinition { KeepLargestComponent = true });
        Assert.Contains("Cleanup:spleen names a segment the model does not produce (it has liver, lesion)",
            Assert.Throws<NotSupportedException>(() => SlabPipelineFactory.Create(spleen, [model], 2)).Message, StringComparison.Ordinal);
    }
}
