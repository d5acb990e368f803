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
        var simple = indices is null && g is { KernelH: 2, KernelW: 2, StrideH: 2, StrideW: 2, PadH: 0, PadW: 0, DilationH: 1, DilationW: 1 }
            && oh * 2 <= h && ow * 2 <= w;
        PlaneParallel.For(n * c, (long)h * w, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            if (simple)
            {
                TwoByTwo(s, w, d, oh, ow);
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

    private static unsafe void TwoByTwo(float* s, int w, float* d, int oh, int ow)
    {
        for (var y = 0; y < oh; y++)
        {
            var r0 = s + (long)2 * y * w;
            var r1 = r0 + w;
            var o = d + (long)y * ow;
            for (var x = 0; x < ow; x++)
            {
                float a = r0[2 * x], b = r0[2 * x + 1], e = r1[2 * x], f = r1[2 * x + 1];
                var m = a;
                if (b > m || float.IsNaN(b)) { m = b; }
                if (e > m || float.IsNaN(e)) { m = e; }
                if (f > m || float.IsNaN(f)) { m = f; }
                o[x] = float.IsNaN(a) ? a : m;
            }
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
                d[y * ow + x] = best;
                if (indices != null)
                {
                    indices[y * ow + x] = bestIndex;
                }
            }
        }
    }
}
