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
        PlaneParallel.For(n * c, (long)oh * ow, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                var row = s + (long)rows[y] * w;
                var o = d + (long)y * ow;
                for (var x = 0; x < ow; x++)
                {
                    o[x] = row[cols[x]];
                }
            }
        });
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
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                var r0 = s + (long)y0[y] * w;
                var r1 = s + (long)y1[y] * w;
                float h1 = ly[y], h0 = 1f - h1;
                var o = d + (long)y * ow;
                for (var x = 0; x < ow; x++)
                {
                    float w1 = lx[x], w0 = 1f - w1;
                    o[x] = h0 * (w0 * r0[x0[x]] + w1 * r0[x1[x]]) + h1 * (w0 * r1[x0[x]] + w1 * r1[x1[x]]);
                }
            }
        });
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
