namespace PipelineSeg.Tensors.Operations;

/// <summary>2-D padding of NCHW tensors: reflection (ReflectionPad2d) and constant (ZeroPad2d / ConstantPad2d).</summary>
public static class Padding
{
    /// <summary>Reflects without repeating the edge; every padding must be smaller than the padded dimension.</summary>
    public static unsafe void Reflect(Tensor input, Tensor output, int left, int right, int top, int bottom)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("ReflectionPad2d", input);
        if (left >= w || right >= w || top >= h || bottom >= h || Math.Min(Math.Min(left, right), Math.Min(top, bottom)) < 0)
        {
            throw new ArgumentException($"ReflectionPad2d: padding ({left}, {right}, {top}, {bottom}) must be ≥ 0 and smaller than the input size of {input}");
        }
        int oh = h + top + bottom, ow = w + left + right;
        ShapeChecks.Output("ReflectionPad2d", output, n, c, oh, ow);
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, (long)oh * ow, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                var row = s + (long)Reflect(y - top, h) * w;
                var o = d + (long)y * ow;
                for (var x = 0; x < left; x++)
                {
                    o[x] = row[Reflect(x - left, w)];
                }
                new ReadOnlySpan<float>(row, w).CopyTo(new Span<float>(o + left, w));
                for (var x = left + w; x < ow; x++)
                {
                    o[x] = row[Reflect(x - left, w)];
                }
            }
        });
    }

    /// <summary>Pads with <paramref name="value"/>; negative padding crops, as in PyTorch.</summary>
    public static unsafe void Constant(Tensor input, Tensor output, int left, int right, int top, int bottom, float value = 0f)
    {
        var (n, c, h, w) = ShapeChecks.Nchw("ConstantPad2d", input);
        int oh = h + top + bottom, ow = w + left + right;
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"ConstantPad2d: padding ({left}, {right}, {top}, {bottom}) leaves nothing of {input}");
        }
        ShapeChecks.Output("ConstantPad2d", output, n, c, oh, ow);
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        PlaneParallel.For(n * c, (long)oh * ow, p =>
        {
            var s = (float*)src + (long)p * h * w;
            var d = (float*)dst + (long)p * oh * ow;
            for (var y = 0; y < oh; y++)
            {
                var o = new Span<float>(d + (long)y * ow, ow);
                var sy = y - top;
                if (sy < 0 || sy >= h)
                {
                    o.Fill(value);
                    continue;
                }
                var x0 = Math.Max(0, left);
                var x1 = Math.Min(ow, left + w);
                o[..x0].Fill(value);
                o[Math.Max(x0, x1)..].Fill(value);
                if (x1 > x0)
                {
                    new ReadOnlySpan<float>(s + (long)sy * w + (x0 - left), x1 - x0).CopyTo(o[x0..x1]);
                }
            }
        });
    }

    private static int Reflect(int i, int size) => i < 0 ? -i : i >= size ? 2 * (size - 1) - i : i;
}
