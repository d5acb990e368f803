using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PipelineSeg.Tensors.Operations;

/// <summary>Max pooling and its inverse, bit-compatible with PyTorch's CPU kernels (NaN wins, first maximum kept).</summary>
public static class MaxPooling
{
    /// <summary>Max pooling of <paramref name="input"/> into <paramref name="output"/>; <paramref name="indices"/> (optional) receives flat H×W positions.</summary>
    public static unsafe void Forward(Tensor input, Pool2dGeometry g, Tensor output, IndexTensor? indices = null)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("MaxPool2d", input);
        g.Validate("MaxPool2d");
        var (oh, ow) = g.OutputSize(h, w);
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"MaxPool2d: input {input} too small for {g}");
        }
        ShapeChecks.Output("MaxPool2d", output, n, c, oh, ow);
        if (indices is not null && !indices.Shape.SequenceEqual(output.Shape))
        {
            throw new ArgumentException($"MaxPool2d: indices {indices} must have the output's shape {output}");
        }
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        var idx = indices is null ? 0 : (nint)indices.Pointer;
        var simple = g is { KernelH: 2, KernelW: 2, StrideH: 2, StrideW: 2, PadH: 0, PadW: 0, DilationH: 1, DilationW: 1 }
            && oh * 2 <= h && ow * 2 <= w;
        PlaneParallel.For(n * c, (long)h * w, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            if (simple && idx == 0)
            {
                TwoByTwo(s, w, d, oh, ow);
            }
            else if (simple)
            {
                TwoByTwoWithIndices(s, w, d, (int*)idx + (long)p * oh * ow, oh, ow);
            }
            else
            {
                General(s, h, w, d, idx == 0 ? null : (int*)idx + (long)p * oh * ow, oh, ow, g);
            }
        });
    }

    /// <summary>MaxUnpool2d: zeros, then every input value scattered to its recorded index in its output plane.</summary>
    public static unsafe void Unpool(Tensor input, IndexTensor indices, Tensor output)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("MaxUnpool2d", input);
        ArgumentNullException.ThrowIfNull(indices);
        if (!indices.Shape.SequenceEqual(input.Shape))
        {
            throw new ArgumentException($"MaxUnpool2d: indices {indices} must have the input's shape {input}");
        }
        var (on, oc, oh, ow) = ShapeChecks.Nchw("MaxUnpool2d", output);
        if (on != n || oc != c)
        {
            throw new ArgumentException($"MaxUnpool2d: output {output} does not match input {input}");
        }
        var plane = oh * ow;
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        var idx = (nint)indices.Pointer;
        PlaneParallel.For(n * c, (long)plane, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var i = (int*)idx + (long)p * h * w;
            var d = new Span<float>((float*)dst + (long)p * plane, plane);
            d.Clear();
            for (var k = 0; k < h * w; k++)
            {
                var at = i[k];
                if ((uint)at >= (uint)plane)
                {
                    throw new ArgumentException($"MaxUnpool2d: index {at} outside the {oh}×{ow} output plane");
                }
                d[at] = s[k];
            }
        });
    }

    /// <summary>2×2 stride 2: vertical max of each row pair (SIMD), then max of horizontal pairs; NaN propagates as in PyTorch.</summary>
    private static unsafe void TwoByTwo(float* s, int w, float* d, int oh, int ow)
    {
        const int MaxScratch = 4096;
        Span<float> scratch = stackalloc float[Math.Min(2 * ow, MaxScratch)];
        for (var y = 0; y < oh; y++)
        {
            var r0 = s + (long)2 * y * w;
            var r1 = r0 + w;
            var o = d + (long)y * ow;
            for (var x0 = 0; x0 < ow; x0 += MaxScratch / 2)
            {
                var count = Math.Min(MaxScratch / 2, ow - x0);
                var rows = scratch[..(2 * count)];
                TensorPrimitives.Max(new ReadOnlySpan<float>(r0 + 2 * x0, 2 * count), new ReadOnlySpan<float>(r1 + 2 * x0, 2 * count), rows);
                PairMax(rows, new Span<float>(o + x0, count));
            }
        }
    }

    /// <summary>2×2 stride 2 with indices (SegNet); selects instead of branches, same first-maximum/NaN rule as PyTorch.</summary>
    private static unsafe void TwoByTwoWithIndices(float* s, int w, float* d, int* indices, int oh, int ow)
    {
        for (var y = 0; y < oh; y++)
        {
            var top = 2 * y * w;
            var o = d + (long)y * ow;
            var ix = indices + (long)y * ow;
            for (var x = 0; x < ow; x++)
            {
                var at = top + 2 * x;
                var best = s[at];
                var bestAt = at;
                Take(ref best, ref bestAt, s[at + 1], at + 1);
                Take(ref best, ref bestAt, s[at + w], at + w);
                Take(ref best, ref bestAt, s[at + w + 1], at + w + 1);
                o[x] = best;
                ix[x] = bestAt;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(ref float best, ref int bestAt, float v, int at)
    {
        // PyTorch: (v > best) || isnan(v); a NaN best is never replaced by a number (v > NaN is false).
        var take = v > best || float.IsNaN(v);
        best = take ? v : best;
        bestAt = take ? at : bestAt;
    }

    /// <summary>destination[i] = max(source[2i], source[2i+1]), NaN-propagating.</summary>
    private static void PairMax(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; i <= destination.Length - 8; i += 8)
            {
                var a = Vector256.Shuffle(Vector256.Create(source.Slice(2 * i, 8)), order);
                var b = Vector256.Shuffle(Vector256.Create(source.Slice(2 * i + 8, 8)), order);
                var evens = Vector256.Create(a.GetLower(), b.GetLower());
                var odds = Vector256.Create(a.GetUpper(), b.GetUpper());
                Vector256.Max(evens, odds).CopyTo(destination[i..]);
            }
        }
        for (; i < destination.Length; i++)
        {
            destination[i] = MathF.Max(source[2 * i], source[2 * i + 1]);
        }
    }

    private static unsafe void General(float* s, int h, int w, float* d, int* indices, int oh, int ow, Pool2dGeometry g)
    {
        for (var y = 0; y < oh; y++)
        {
            var hStart = y * g.StrideH - g.PadH;
            var hEnd = Math.Min(hStart + (g.KernelH - 1) * g.DilationH + 1, h);
            while (hStart < 0)
            {
                hStart += g.DilationH;
            }
            for (var x = 0; x < ow; x++)
            {
                var wStart = x * g.StrideW - g.PadW;
                var wEnd = Math.Min(wStart + (g.KernelW - 1) * g.DilationW + 1, w);
                while (wStart < 0)
                {
                    wStart += g.DilationW;
                }
                var best = float.NegativeInfinity;
                var bestIndex = hStart * w + wStart;
                if (indices == null)
                {
                    // Branch-free; MathF.Max propagates NaN like PyTorch's comparison loop.
                    for (var yy = hStart; yy < hEnd; yy += g.DilationH)
                    {
                        var row = s + yy * w;
                        for (var xx = wStart; xx < wEnd; xx += g.DilationW)
                        {
                            best = MathF.Max(best, row[xx]);
                        }
                    }
                }
                else
                {
                    for (var yy = hStart; yy < hEnd; yy += g.DilationH)
                    {
                        for (var xx = wStart; xx < wEnd; xx += g.DilationW)
                        {
                            var v = s[yy * w + xx];
                            if (v > best || float.IsNaN(v))
                            {
                                best = v;
                                bestIndex = yy * w + xx;
                            }
                        }
                    }
                }
                d[y * ow + x] = best;
                if (indices != null)
                {
                    indices[y * ow + x] = bestIndex;
                }
            }
        }
    }
}
