using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Preprocessing;

public sealed class RgbInputTests
{
    [SkippableFact]
    public async Task A_grey_slice_fills_the_three_colour_channels_each_normalised_with_its_own_mean_and_std()
    {
        using var grey = new ThresholdModel(size: 32);
        using var rgb = new RgbModel(size: 32);
        var slab = await new InMemoryVolumeSource(SyntheticVolumes.Blocks()).ReadAsync(2, 0).FirstAsync();

        var windowed = new SlabPreprocessor(grey.Manifest.Input, "threshold").Prepare(slab).Input;
        var input = new SlabPreprocessor(rgb.Manifest.Input, "rgb").Prepare(slab).Input;

        var plane = 32 * 32;
        Assert.Equal(2 * 3 * plane, input.Length);
        for (var s = 0; s < 2; s++)
        {
            for (var c = 0; c < 3; c++)
            {
                for (var p = 0; p < plane; p++)
                {
                    var expected = (windowed[(s * plane) + p] - (float)RgbModel.ImageNetMean[c]) / (float)RgbModel.ImageNetStd[c];
                    Assert.Equal(expected, input[(((s * 3) + c) * plane) + p], 1e-6f);
                }
            }
        }
        // air (window 0) differs per channel: −mean/std
        Assert.NotEqual(input[0], input[plane]);
        Assert.NotEqual(input[plane], input[2 * plane]);
    }

    [SkippableFact]
    public async Task An_rgb_model_on_a_grey_series_gives_the_labels_of_the_same_decision_on_grey_input()
    {
        var hu = SyntheticVolumes.Blocks(n: 48, depth: 5);
        using var grey = new ThresholdModel(size: 32);
        using var rgb = new RgbModel(size: 32);
        var definition = new PipelineDefinition { Model = "rgb" };

        var expected = await SlabPipelineFactory.Create(definition, [grey], 2).RunAsync(new InMemoryVolumeSource(hu));
        var result = await SlabPipelineFactory.Create(definition, [rgb], 2).RunAsync(new InMemoryVolumeSource(hu));

        Assert.Equal(expected.Labels.Array, result.Labels.Array);
        Assert.Contains((byte)1, result.Labels.Array);
        Assert.Contains((byte)2, result.Labels.Array);
        Assert.Equal(3, rgb.Inputs.Count); // slabs of 2, 2 and 1 slices
    }
}
