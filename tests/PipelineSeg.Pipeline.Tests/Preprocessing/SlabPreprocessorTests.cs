using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Preprocessing;

public sealed class SlabPreprocessorTests
{
    [SkippableFact]
    public async Task Input_is_resized_to_the_model_size_and_windowed()
    {
        using var model = new ThresholdModel(size: 32);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, "threshold");
        var slab = await new InMemoryVolumeSource(SyntheticVolumes.Blocks()).ReadAsync(8, preprocessor.Halo).FirstAsync();

        var input = preprocessor.Prepare(slab).Input;

        Assert.Equal(5 * 32 * 32, input.Length);
        Assert.All(input, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(0f, input[0]); // air clipped to the window's lower edge
        Assert.InRange(input[(16 * 32) + 8], 0.625f, 0.641f); // 100–106 HU inside the block: (HU + 150) / 400
    }

    [SkippableFact]
    public async Task Adjacent_slices_come_from_the_halo_and_repeat_the_series_ends()
    {
        using var model = new ThresholdModel(size: 32, channels: 3, layout: ChannelLayout.AdjacentSlices);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, "threshold");
        Assert.Equal(1, preprocessor.Halo);
        var plane = 32 * 32;
        var firsts = new List<float[]>();
        await foreach (var slab in new InMemoryVolumeSource(SyntheticVolumes.Ramp(32, 3, 100)).ReadAsync(1, preprocessor.Halo))
        {
            var input = preprocessor.Prepare(slab).Input;
            firsts.Add([input[0], input[plane], input[2 * plane]]);
        }
        Assert.Equal([0.375f, 0.375f, 0.625f], firsts[0]);
        Assert.Equal([0.375f, 0.625f, 0.875f], firsts[1]);
        Assert.Equal([0.625f, 0.875f, 0.875f], firsts[2]);
    }

    [SkippableFact]
    public async Task A_fixed_pixel_spacing_is_centred_on_the_field_of_view_with_air_beyond_it()
    {
        // 48 px source; 32 px at 2× the source spacing reach 8 px beyond either edge
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 1);
        using var model = new ThresholdModel(size: 32, pixelSpacingMm: 2 * hu.Geometry.Spacing.X);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, "threshold");
        var slab = await new InMemoryVolumeSource(hu).ReadAsync(1, 0).FirstAsync();

        var input = preprocessor.Prepare(slab).Input;

        Assert.Equal(model.Manifest.Input.PixelSpacingMm, preprocessor.PixelSpacingMm);
        Assert.Equal(0f, input[(16 * 32) + 1]); // model x 1 lies at source x −5.5: outside, air
        // model (x, y) samples source ((2x − 7.5), (2y − 7.5)): check against the source voxels directly
        var (x, y) = (12, 20);
        var expected = new float[] { (float)((hu[(2 * x) - 8, (2 * y) - 8, 0] + hu[(2 * x) - 7, (2 * y) - 8, 0] + hu[(2 * x) - 8, (2 * y) - 7, 0] + hu[(2 * x) - 7, (2 * y) - 7, 0]) / 4.0) };
        model.Manifest.Input.Intensity.Apply(expected);
        Assert.Equal(expected[0], input[(y * 32) + x], 5);
    }
}
