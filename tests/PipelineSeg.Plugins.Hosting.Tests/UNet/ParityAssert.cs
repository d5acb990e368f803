namespace PipelineSeg.Plugins.Hosting.Tests.UNet;

internal static class ParityAssert
{
    /// <summary>Returns the max abs error; fails with the worst element's index and values when |actual − expected| exceeds <paramref name="tolerance"/>.</summary>
    public static float Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var (worst, at) = (0f, -1);
        for (var i = 0; i < expected.Length; i++)
        {
            var d = MathF.Abs(expected[i] - actual[i]);
            if (!(d <= worst))
            {
                (worst, at) = (d, i);
            }
        }
        Assert.True(worst <= tolerance, $"max abs error {worst} at {at} (expected {(at >= 0 ? expected[at] : 0)}, got {(at >= 0 ? actual[at] : 0)}) > {tolerance}");
        return worst;
    }
}
