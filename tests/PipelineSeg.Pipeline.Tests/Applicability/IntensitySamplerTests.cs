using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Applicability;

public sealed class IntensitySamplerTests
{
    [SkippableFact]
    public void Short_series_are_read_whole_and_long_ones_in_16_evenly_spaced_slices()
    {
        Assert.Equal([0, 1, 2, 3, 4], IntensitySampler.SampleIndices(5));
        var many = IntensitySampler.SampleIndices(160);
        Assert.Equal(16, many.Length);
        Assert.Equal(5, many[0]);
        Assert.Equal(155, many[^1]);
        Assert.All(many.Zip(many.Skip(1)), p => Assert.Equal(10, p.Second - p.First));
    }

    [SkippableFact]
    public void Body_is_above_the_threshold_and_only_body_voxels_are_binned_after_the_window()
    {
        float[] hu = [-1000, -600, -100, 50, 150, 1000];
        var mask = new byte[hu.Length];
        Assert.Equal(4, IntensitySampler.BodyMask(hu, -500, mask));
        Assert.Equal([0, 0, 1, 1, 1, 1], mask);
        var histogram = new IntensityHistogram { Min = 0, Max = 1, Frequencies = [0.25, 0.25, 0.25, 0.25], MaxDistance = 0.1 };
        var window = new IntensityTransform { Kind = IntensityKind.Window, Center = 50, Width = 400 };
        var counts = new long[4];
        IntensitySampler.Bin(hu, mask, histogram, window, counts);
        // -100 -> 0.125 (bin 0), 50 -> 0.5 (bin 2), 150 -> 0.75 (bin 3), 1000 -> clipped 1.0 (last bin).
        Assert.Equal([1, 0, 1, 2], counts);
    }
}
