
namespace PipelineSeg.Tensors.Operations;

/// <summary>Per-channel and per-plane statistics and affine maps behind BatchNorm2d and InstanceNorm2d.</summary>
public static class Normalization
{
    /// <summary>output[n, c] = input[n, c] · scale[c] + shift[c]; input and output may be the same tensor.</summary>
    public static unsafe void ChannelAffine(Tensor input, float[] scale, float[] shift, Tensor output)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("ChannelAffine", input);
        ShapeChecks.SameLength("ChannelAffine", input, output);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(shift);
        if (scale.Length < c || shift.Length < c)
        {
            throw new ArgumentException($"ChannelAffine: {c} channels but {scale.Length} scales and {shift.Length} shifts");
        }
        var plane = h * w;
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, plane, p =>
        {
            var ch = p % c;
            var s = new ReadOnlySpan<float>((float*)src + (long)p * plane, plane);
            var d = new Span<float>((float*)dst + (long)p * plane, plane);
            VectorMath.Affine(s, scale[ch], shift[ch], d);
        });
    }

    /// <summary>output[p] = input[p] · scale[p] + shift[p] for every N·C plane p.</summary>
    public static unsafe void PlaneAffine(Tensor input, float[] scale, float[] shift, Tensor output)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("PlaneAffine", input);
        ShapeChecks.SameLength("PlaneAffine", input, output);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(shift);
        var plane = h * w;
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, plane, p =>
        {
            var s = new ReadOnlySpan<float>((float*)src + (long)p * plane, plane);
            var d = new Span<float>((float*)dst + (long)p * plane, plane);
            VectorMath.Affine(s, scale[p], shift[p], d);
        });
    }

    /// <summary>Mean and biased variance of every N·C plane (two passes, double accumulation).</summary>
    public static unsafe void PlaneStatistics(Tensor input, double[] mean, double[] variance)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("PlaneStatistics", input);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        if (mean.Length < n * c || variance.Length < n * c)
        {
            throw new ArgumentException($"PlaneStatistics: room for {n * c} planes needed");
        }
        var plane = h * w;
        var src = (nint)input.Pointer;
        PlaneParallel.For(n * c, plane, p =>
        {
            var s = new ReadOnlySpan<float>((float*)src + (long)p * plane, plane);
            var m = VectorMath.Sum(s) / plane;
            var squares = VectorMath.SumOfSquaredDeviations(s, (float)m);
            mean[p] = m;
            variance[p] = squares / plane;
        });
    }
}
