using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace PipelineSeg.Tensors.Operations;

/// <summary>
/// torch.nn.functional.interpolate for 4-D tensors: 'nearest' and 'bilinear' (align_corners false or true), with
/// PyTorch's source-index arithmetic in float so results match bit for bit where PyTorch's do.
/// </summary>
public static class Interpolation
{
    /// <summary>Nearest neighbour; <paramref name="scaleH"/>/<paramref name="scaleW"/> are the user's scale factors (or null when a size was given).</summary>
    public static unsafe void Nearest(Tensor input, Tensor output, double? scaleH = null, double? scaleW = null)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("interpolate", input);
        var (on, oc, oh, ow) = ShapeChecks.Nchw("interpolate", output);
        CheckPlanes(input, output, n, c, on, oc);
        var rows = new int[oh];
        var cols = new int[ow];
        for (var y = 0; y < oh; y++)
        {
            rows[y] = NearestIndex(y, h, oh, scaleH);
        }
        for (var x = 0; x < ow; x++)
        {
            cols[x] = NearestIndex(x, w, ow, scaleW);
        }
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        var doubleWidth = ow == 2 * w;
        PlaneParallel.For(n * c, (long)oh * ow, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                if (y > 0 && rows[y] == rows[y - 1])
                {
                    // Same source row as the previous output row: copy it.
                    new ReadOnlySpan<float>(d + (long)(y - 1) * ow, ow).CopyTo(new Span<float>(d + (long)y * ow, ow));
                    continue;
                }
                if (doubleWidth)
                {
                    DuplicateEach(new ReadOnlySpan<float>(s + (long)rows[y] * w, w), new Span<float>(d + (long)y * ow, ow));
                    continue;
                }
                var row = s + (long)rows[y] * w;
                var o = d + (long)y * ow;
                for (var x = 0; x < ow; x++)
                {
                    o[x] = row[cols[x]];
                }
            }
        });
    }

    /// <summary>destination[2i] = destination[2i+1] = source[i] (2× nearest along a row).</summary>
    private static void DuplicateEach(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
            var high = Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7);
            for (; i <= source.Length - 8; i += 8)
            {
                var v = Vector256.Create(source.Slice(i, 8));
                Vector256.Shuffle(v, low).CopyTo(destination[(2 * i)..]);
                Vector256.Shuffle(v, high).CopyTo(destination[(2 * i + 8)..]);
            }
        }
        for (; i < source.Length; i++)
        {
            destination[2 * i] = destination[2 * i + 1] = source[i];
        }
    }

    /// <summary>Bilinear interpolation with PyTorch's align_corners semantics.</summary>
    public static unsafe void Bilinear(Tensor input, Tensor output, bool alignCorners, double? scaleH = null, double? scaleW = null)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("interpolate", input);
        var (on, oc, oh, ow) = ShapeChecks.Nchw("interpolate", output);
        CheckPlanes(input, output, n, c, on, oc);
        var (y0, y1, ly) = Weights(h, oh, alignCorners, scaleH);
        var (x0, x1, lx) = Weights(w, ow, alignCorners, scaleW);
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, (long)oh * ow, p =>
        {
            // Separable: each needed source row is interpolated horizontally once (cached), then rows are blended
            // with SIMD. Same arithmetic as PyTorch's h0·(w0·a + w1·b) + h1·(w0·c + w1·d).
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            var rows = ArrayPool<float>.Shared.Rent(2 * ow);
            try
            {
                var cache = rows.AsSpan(0, 2 * ow);
                Span<int> cached = [-1, -1];
                for (var y = 0; y < oh; y++)
                {
                    var a = Slot(cache, cached, y0[y], -1, s, w, x0, x1, lx) * ow;
                    var b = Slot(cache, cached, y1[y], a / ow, s, w, x0, x1, lx) * ow;
                    var o = new Span<float>(d + (long)y * ow, ow);
                    TensorPrimitives.Multiply(cache.Slice(a, ow), 1f - ly[y], o);
                    TensorPrimitives.MultiplyAdd(cache.Slice(b, ow), ly[y], o, o);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(rows);
            }
        });
    }

    /// <summary>Which of the two cache slots holds source row <paramref name="row"/> interpolated horizontally; computes it into the slot other than <paramref name="keep"/> when absent.</summary>
    private static unsafe int Slot(Span<float> cache, Span<int> cached, int row, int keep, float* s, int w, int[] x0, int[] x1, float[] lx)
    {
        if (cached[0] == row)
        {
            return 0;
        }
        if (cached[1] == row)
        {
            return 1;
        }
        var slot = keep == 0 ? 1 : 0;
        var ow = x0.Length;
        var line = s + (long)row * w;
        var target = cache.Slice(slot * ow, ow);
        for (var x = 0; x < ow; x++)
        {
            float w1 = lx[x], w0 = 1f - w1;
            target[x] = w0 * line[x0[x]] + w1 * line[x1[x]];
        }
        cached[slot] = row;
        return slot;
    }

    /// <summary>PyTorch's nearest_idx: exact for equal size and 2× upsampling, else floor(dst·scale) clamped.</summary>
    private static int NearestIndex(int dst, int inSize, int outSize, double? scale)
    {
        if (outSize == inSize)
        {
            return dst;
        }
        if (outSize == 2 * inSize)
        {
            return dst >> 1;
        }
        var s = scale is > 0 ? (float)(1.0 / scale.Value) : (float)inSize / outSize;
        return Math.Min((int)MathF.Floor(dst * s), inSize - 1);
    }

    private static (int[] Low, int[] High, float[] Lambda) Weights(int inSize, int outSize, bool alignCorners, double? scale)
    {
        float ratio = alignCorners
            ? (outSize > 1 ? (float)(inSize - 1) / (outSize - 1) : 0f)
            : (scale is > 0 ? (float)(1.0 / scale.Value) : (float)inSize / outSize);
        var low = new int[outSize];
        var high = new int[outSize];
        var lambda = new float[outSize];
        for (var i = 0; i < outSize; i++)
        {
            var real = alignCorners ? ratio * i : Math.Max(ratio * (i + 0.5f) - 0.5f, 0f);
            var i0 = (int)real;
            low[i] = i0;
            high[i] = i0 + (i0 < inSize - 1 ? 1 : 0);
            lambda[i] = real - i0;
        }
        return (low, high, lambda);
    }

    private static void CheckPlanes(Tensor input, Tensor output, int n, int c, int on, int oc)
    {
        if (n != on || c != oc || output.Shape[2] < 1 || output.Shape[3] < 1 || input.Shape[2] < 1 || input.Shape[3] < 1)
        {
            throw new ArgumentException($"interpolate: cannot resize {input} into {output}");
        }
    }
}
