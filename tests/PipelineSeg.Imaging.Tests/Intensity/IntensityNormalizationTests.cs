using PipelineSeg.Imaging.Intensity;

namespace PipelineSeg.Imaging.Tests.Intensity;

public sealed class IntensityNormalizationTests
{
    [SkippableFact]
    public void Ct_window_clips_and_scales()
    {
        float[] v = [-1000, -160, 40, 240, 3000];
        IntensityNormalization.Window(v, level: 40, width: 400);
        Assert.Equal([0f, 0f, 0.5f, 1f, 1f], v);
    }

    [SkippableFact]
    public void Z_score_gives_zero_mean_unit_std_inside_mask()
    {
        float[] v = [1, 2, 3, 4, 100];
        byte[] mask = [1, 1, 1, 1, 0];
        var (mean, std) = IntensityNormalization.ZScore(v, mask);
        Assert.Equal(2.5, mean, 1e-9);
        Assert.Equal(Math.Sqrt(1.25), std, 1e-9);
        Assert.Equal(0, v.Take(4).Average(), 1e-6);
    }

    [SkippableFact]
    public void Min_max_maps_to_unit_range()
    {
        float[] v = [-5, 0, 5];
        IntensityNormalization.MinMax(v);
        Assert.Equal([0f, 0.5f, 1f], v);
    }
}
