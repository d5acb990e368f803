namespace PipelineSeg.Plugins.DeepLab.Tests.Parity;

internal static class MaxAbs
{
    /// <summary>Max |expected − actual|; NaN anywhere counts as infinitely far.</summary>
    public static double Difference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs((double)expected[i] - actual[i]);
            worst = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(worst, d);
        }
        return worst;
    }
}
