using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Tensors.Tests.Operations;

/// <summary>
/// The parity fixtures are small and run on one thread; these tensors are large enough for the multi-threaded and
/// SIMD paths, checked against straightforward scalar formulas.
/// </summary>
public sealed class LargeTensorOperationTests
{
    private static Tensor Random(int seed, params int[] shape)
    {
        var t = Tensor.Empty(shape);
        var r = new Random(seed);
        foreach (ref var v in t.Span)
        {
            v = (float)(r.NextDouble() * 6 - 3);
        }
        return t;
    }

    [SkippableFact]
    public void Fast_2x2_max_pool_with_and_without_indices_matches_a_scalar_reference()
    {
        using var x = Random(1, 2, 6, 131, 97);
        x.Span[5] = float.NaN;
        var g = new Pool2dGeometry(2, 2, 2, 2);
        using var fast = Tensor.Empty(2, 6, 65, 48);
        using var withIndices = Tensor.Empty(2, 6, 65, 48);
        using var indices = IndexTensor.Empty(2, 6, 65, 48);
        MaxPooling.Forward(x, g, fast);
        MaxPooling.Forward(x, g, withIndices, indices);
        var plane = 131 * 97;
        for (var i = 0; i < indices.Length; i++)
        {
            var p = i / (65 * 48);
            var oy = i / 48 % 65;
            var ox = i % 48;
            var best = float.NegativeInfinity;
            var bestAt = 2 * oy * 97 + 2 * ox;
            foreach (var at in (ReadOnlySpan<int>)[2 * oy * 97 + 2 * ox, 2 * oy * 97 + 2 * ox + 1, (2 * oy + 1) * 97 + 2 * ox, (2 * oy + 1) * 97 + 2 * ox + 1])
            {
                var v = x.Span[p * plane + at];
                if (v > best || float.IsNaN(v))
                {
                    best = v;
                    bestAt = at;
                }
            }
            Assert.Equal(best, fast.Span[i]);
            Assert.Equal(best, withIndices.Span[i]);
            Assert.Equal(bestAt, indices.Span[i]);
        }
    }

    [SkippableFact]
    public void Softmax_over_channels_sums_to_one_and_keeps_order()
    {
        using var x = Random(2, 2, 5, 64, 67);
        using var y = Tensor.Empty(2, 5, 64, 67);
        Softmax.Forward(x, y, 1);
        var plane = 64 * 67;
        for (var n = 0; n < 2; n++)
        {
            for (var i = 0; i < plane; i += 37)
            {
                double sum = 0;
                var best = 0;
                for (var c = 0; c < 5; c++)
                {
                    var at = (n * 5 + c) * plane + i;
                    sum += y.Span[at];
                    if (x.Span[at] > x.Span[(n * 5 + best) * plane + i])
                    {
                        best = c;
                    }
                }
                Assert.Equal(1.0, sum, 5);
                var winner = y.Span[(n * 5 + best) * plane + i];
                for (var c = 0; c < 5; c++)
                {
                    Assert.True(y.Span[(n * 5 + c) * plane + i] <= winner);
                }
            }
        }
    }

    [SkippableFact]
    public void Channel_affine_and_plane_statistics_match_scalar_formulas()
    {
        using var x = Random(3, 3, 4, 90, 70);
        float[] scale = [0.5f, -2f, 1f, 3f];
        float[] shift = [1f, 0f, -1f, 0.25f];
        using var y = Tensor.Empty(3, 4, 90, 70);
        Normalization.ChannelAffine(x, scale, shift, y);
        var plane = 90 * 70;
        for (var i = 0; i < x.Length; i += 101)
        {
            var c = i / plane % 4;
            Assert.Equal(x.Span[i] * scale[c] + shift[c], y.Span[i], 5);
        }
        var mean = new double[12];
        var variance = new double[12];
        Normalization.PlaneStatistics(x, mean, variance);
        for (var p = 0; p < 12; p++)
        {
            var s = x.Span.Slice(p * plane, plane);
            double m = 0;
            foreach (var v in s)
            {
                m += v;
            }
            m /= plane;
            double q = 0;
            foreach (var v in s)
            {
                q += (v - m) * (v - m);
            }
            Assert.Equal(m, mean[p], 5);
            Assert.Equal(q / plane, variance[p], 4);
        }
    }

    [SkippableFact]
    public void Reflection_padding_and_activations_match_scalar_formulas()
    {
        using var x = Random(4, 1, 8, 100, 90);
        using var padded = Tensor.Empty(1, 8, 106, 96);
        Padding.Reflect(x, padded, 3, 3, 3, 3);
        static int Reflect(int i, int n) => i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
        for (var c = 0; c < 8; c += 3)
        {
            for (var y = 0; y < 106; y += 7)
            {
                for (var xx = 0; xx < 96; xx++)
                {
                    var expected = x.Span[(c * 100 + Reflect(y - 3, 100)) * 90 + Reflect(xx - 3, 90)];
                    Assert.Equal(expected, padded.Span[(c * 106 + y) * 96 + xx]);
                }
            }
        }
        using var leaky = Tensor.Empty(1, 8, 100, 90);
        Activations.LeakyRelu(x, leaky, 0.2f);
        for (var i = 0; i < x.Length; i += 13)
        {
            var v = x.Span[i];
            Assert.Equal(v >= 0 ? v : v * 0.2f, leaky.Span[i]);
        }
    }

    [SkippableFact]
    public void Bilinear_upsampling_of_a_linear_ramp_is_exact_with_aligned_corners()
    {
        using var ramp = Tensor.Empty(1, 3, 33, 41);
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 33; y++)
            {
                for (var x = 0; x < 41; x++)
                {
                    ramp.Span[(c * 33 + y) * 41 + x] = 2 * y + 3 * x + c;
                }
            }
        }
        using var up = Tensor.Empty(1, 3, 65, 81);
        Interpolation.Bilinear(ramp, up, alignCorners: true);
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 65; y++)
            {
                for (var x = 0; x < 81; x += 5)
                {
                    Assert.Equal(2 * (y * 0.5f) + 3 * (x * 0.5f) + c, up.Span[(c * 65 + y) * 81 + x], 3);
                }
            }
        }
    }

    [SkippableFact]
    public void Nearest_doubling_copies_each_source_pixel_into_a_2x2_block()
    {
        using var x = Random(5, 1, 4, 61, 83);
        using var up = Tensor.Empty(1, 4, 122, 166);
        Interpolation.Nearest(x, up, 2.0, 2.0);
        for (var c = 0; c < 4; c++)
        {
            for (var y = 0; y < 122; y++)
            {
                for (var xx = 0; xx < 166; xx++)
                {
                    Assert.Equal(x.Span[(c * 61 + y / 2) * 83 + xx / 2], up.Span[(c * 122 + y) * 166 + xx]);
                }
            }
        }
    }

    [SkippableFact]
    public void Concatenation_of_large_batched_tensors_keeps_every_block_in_place()
    {
        using var a = Random(6, 3, 5, 70, 40);
        using var b = Random(7, 3, 2, 70, 40);
        using var cat = Concatenation.Cat([a, b], 1);
        Assert.Equal([3, 7, 70, 40], cat.Shape.ToArray());
        var plane = 70 * 40;
        for (var n = 0; n < 3; n++)
        {
            Assert.True(a.Span.Slice(n * 5 * plane, 5 * plane).SequenceEqual(cat.Span.Slice(n * 7 * plane, 5 * plane)));
            Assert.True(b.Span.Slice(n * 2 * plane, 2 * plane).SequenceEqual(cat.Span.Slice((n * 7 + 5) * plane, 2 * plane)));
        }
    }
}
