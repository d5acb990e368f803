using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

public sealed class FixedSpacingTests
{
    [SkippableTheory]
    [InlineData(3.1, 2)] // coarser than the source: the model sees beyond the field of view (air)
    [InlineData(1.3, 3)] // finer: the model sees the centre only, the rest of the source is background
    public async Task A_model_at_a_fixed_spacing_gets_its_grid_and_labels_come_back_onto_the_source(double spacingMm, int slabSlices)
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 3);
        using var model = new ThresholdModel(size: 32, pixelSpacingMm: spacingMm);
        using var reference = new ThresholdModel(size: 32, pixelSpacingMm: spacingMm);

        var result = await SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], slabSlices).RunAsync(new InMemoryVolumeSource(hu));

        // Direct computation per slice: square pixels of spacingMm centred on the field of view, the general resampler
        // both ways, argmax with the default threshold.
        var classes = reference.Manifest.Output.Classes;
        for (var z = 0; z < hu.Depth; z++)
        {
            var sliceGeometry = hu.Geometry with { Origin = hu.Geometry.IndexToWorld(0, 0, z) };
            var centre = sliceGeometry.IndexToWorld(23.5, 23.5, 0);
            var modelGeometry = new VolumeGeometry(centre - (sliceGeometry.Direction * new Vec3(spacingMm * 15.5, spacingMm * 15.5, 0)),
                new Vec3(spacingMm, spacingMm, hu.Geometry.Spacing.Z), sliceGeometry.Direction);
            var slice = new Volume<float>(new VolumeSize(48, 48, 1), sliceGeometry, hu.Slice(z).ToArray());
            var input = Resampler.Resample(slice, new VolumeSize(32, 32, 1), modelGeometry, Interpolation.Linear, -1024f).Array;
            reference.Manifest.Input.Intensity.Apply(input);
            var output = new float[classes.Count * 32 * 32];
            reference.Predict(input, 1, output);
            var planes = classes.Select((c, k) => Resampler.Resample(
                new Volume<float>(new VolumeSize(32, 32, 1), modelGeometry, output.AsSpan(k * 1024, 1024).ToArray()),
                new VolumeSize(48, 48, 1), sliceGeometry, Interpolation.Linear, c.IsBackground ? 1f : 0f).Array).ToList();
            var expected = new byte[48 * 48];
            LabelDecision.ArgmaxWithThreshold(planes, 0, PipelineDefinition.DefaultThreshold, expected);

            Assert.Equal(expected, result.Labels.Slice(z).ToArray());
            Assert.Contains((byte)1, expected);
            Assert.Contains((byte)2, expected);
        }
    }
}
