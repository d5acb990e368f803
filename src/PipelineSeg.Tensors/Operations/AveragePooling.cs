namespace PipelineSeg.Tensors.Operations;

/// <summary>Average pooling (fixed windows and adaptive), following PyTorch's CPU kernels exactly.</summary>
public static class AveragePooling
{
    /// <summary>AvgPool2d with PyTorch's ceil_mode, count_include_pad and divisor_override semantics.</summary>
    public static unsafe void Forward(Tensor input, Pool2dGeometry g, Tensor output, bool countIncludePad = true, int? divisorOverride = null)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("AvgPool2d", input);
        g.Validate("AvgPool2d");
        if (g.DilationH != 1 || g.DilationW != 1)
        {
            throw new ArgumentException("AvgPool2d: dilation is not a setting of average pooling");
        }
        if (divisorOverride is <= 0)
        {
            throw new ArgumentException("AvgPool2d: divisor_override must be positive");
        }
        var (oh, ow) = g.OutputSize(h, w);
        ShapeChecks.Output("AvgPool2d", output, n, c, oh, ow);
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, (long)h * w, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                for (var x = 0; x < ow; x++)
                {
                    var hStart = y * g.StrideH - g.PadH;
                    var wStart = x * g.StrideW - g.PadW;
                    var hEnd = Math.Min(hStart + g.KernelH, h + g.PadH);
                    var wEnd = Math.Min(wStart + g.KernelW, w + g.PadW);
                    var poolSize = (hEnd - hStart) * (wEnd - wStart);
                    hStart = Math.Max(hStart, 0);
                    wStart = Math.Max(wStart, 0);
                    hEnd = Math.Min(hEnd, h);
                    wEnd = Math.Min(wEnd, w);
                    if (hStart >= hEnd || wStart >= wEnd)
                    {
                        d[y * ow + x] = 0;
                        continue;
                    }
                    var sum = 0f;
                    for (var yy = hStart; yy < hEnd; yy++)
                    {
                        for (var xx = wStart; xx < wEnd; xx++)
                        {
                            sum += s[yy * w + xx];
                        }
                    }
                    var divisor = divisorOverride ?? (countIncludePad ? poolSize : (hEnd - hStart) * (wEnd - wStart));
                    d[y * ow + x] = sum / divisor;
                }
            }
        });
    }

    /// <summary>AdaptiveAvgPool2d: window i spans [floor(i·in/out), ceil((i+1)·in/out)).</summary>
    public static unsafe void Adaptive(Tensor input, Tensor output)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("AdaptiveAvgPool2d", input);
        var (on, oc, oh, ow) = ShapeChecks.Nchw("AdaptiveAvgPool2d", output);
        if (on != n || oc != c || oh < 1 || ow < 1)
        {
            throw new ArgumentException($"AdaptiveAvgPool2d: output {output} does not match input {input}");
        }
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, (long)h * w, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                var h0 = (int)((long)y * h / oh);
                var h1 = (int)(((long)(y + 1) * h + oh - 1) / oh);
                for (var x = 0; x < ow; x++)
                {
                    var w0 = (int)((long)x * w / ow);
                    var w1 = (int)(((long)(x + 1) * w + ow - 1) / ow);
                    var sum = 0f;
                    for (var yy = h0; yy < h1; yy++)
                    {
                        for (var xx = w0; xx < w1; xx++)
                        {
                            sum += s[yy * w + xx];
                        }
                    }
                    d[y * ow + x] = sum / ((h1 - h0) * (w1 - w0));
                }
            }
        });
    }
}
