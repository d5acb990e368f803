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
    public void A_fixed_pixel_spacing_is_refused()
    {
        var spec = new ModelInputSpec { Height = 8, Width = 8, PixelSpacingMm = 0.8 };
        Assert.Contains("fixed pixel spacing", Assert.Throws<NotSupportedException>(() => new SlabPreprocessor(spec, "m")).Message, StringComparison.Ordinal);
    }
}
