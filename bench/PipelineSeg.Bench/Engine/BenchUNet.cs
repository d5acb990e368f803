using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Bench.Engine;

/// <summary>
/// The standard U-Net of issue 3 (same structure and state-dict names as bench/compare/unet.py): depth 4,
/// [Conv3×3-BN-ReLU]×2 per level, 2×2 max-pool, 2×2 stride-2 transposed-conv up, concat [skip, up], 1×1 head.
/// Skips and up-sampled maps are written straight into preallocated concat buffers (no copies).
/// </summary>
internal sealed class BenchUNet : Module
{
    private readonly Sequential[] down;
    private readonly ConvTranspose2d[] up;
    private readonly Sequential[] decode;
    private readonly Conv2d head;
    private readonly MaxPool2d pool = new(2);

    public BenchUNet(int inChannels, int classes, int baseWidth, int depth = 4)
    {
        Widths = Enumerable.Range(0, depth + 1).Select(l => baseWidth << l).ToArray();
        down = new Sequential[depth + 1];
        up = new ConvTranspose2d[depth];
        decode = new Sequential[depth];
        var encoder = RegisterModule("down", new ModuleList());
        for (int l = 0; l <= depth; l++)
        {
            down[l] = DoubleConv(l == 0 ? inChannels : Widths[l - 1], Widths[l]);
            encoder.Append(down[l]);
        }
        var ups = RegisterModule("up", new ModuleList());
        var decoder = RegisterModule("decode", new ModuleList());
        for (int l = 0; l < depth; l++)
        {
            up[l] = new ConvTranspose2d(Widths[l + 1], Widths[l], 2, stride: 2);
            decode[l] = DoubleConv(2 * Widths[l], Widths[l]);
            ups.Append(up[l]);
            decoder.Append(decode[l]);
        }
        head = RegisterModule("head", new Conv2d(baseWidth, classes, 1));
        Classes = classes;
    }

    public IReadOnlyList<int> Widths { get; }

    public int Classes { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int depth = up.Length, n = input.Dim(0), h = input.Dim(2), w = input.Dim(3);
        if (n != 1 || h % (1 << depth) != 0 || w % (1 << depth) != 0)
        {
            throw new ArgumentException($"BenchUNet: needs batch 1 and sides divisible by {1 << depth}, got {input}");
        }
        var concat = new Tensor[depth];
        try
        {
            Tensor x = input.Share();
            for (int l = 0; l < depth; l++)
            {
                concat[l] = Tensor.Empty(1, 2 * Widths[l], h >> l, w >> l);
                using (var skip = concat[l].Narrow(1, 0, Widths[l]))
                {
                    down[l].ForwardInto(x, skip);
                    x.Dispose();
                    x = pool.Forward(skip);
                }
            }
            using (var bottom = x)
            {
                x = down[depth].Forward(bottom);
            }
            for (int l = depth - 1; l >= 0; l--)
            {
                using (var upsampled = concat[l].Narrow(1, Widths[l], Widths[l]))
                {
                    up[l].ForwardInto(x, upsampled);
                }
                x.Dispose();
                // The decoder's last conv runs after its first has consumed the whole concat buffer, so its result
                // can overwrite the (dead) skip half instead of taking a new buffer; x keeps that memory alive.
                x = concat[l].Narrow(1, 0, Widths[l]);
                decode[l].ForwardInto(concat[l], x);
                concat[l].Dispose();
            }
            using (x)
            {
                return head.Forward(x);
            }
        }
        finally
        {
            foreach (var c in concat)
            {
                c?.Dispose();
            }
        }
    }

    /// <summary>Multiply-adds × 2 of all convolutions for one h×w slice (BN, ReLU and pooling not counted).</summary>
    public double Flops(int h, int w)
    {
        double flops = 0;
        for (int l = 0; l < Widths.Count; l++)
        {
            double pixels = (double)(h >> l) * (w >> l);
            int cin = l == 0 ? Inputs : Widths[l - 1];
            flops += 2 * pixels * 9 * Widths[l] * (cin + Widths[l]);
            if (l < up.Length)
            {
                flops += 2 * pixels / 4 * Widths[l + 1] * Widths[l] * 4;
                flops += 2 * pixels * 9 * Widths[l] * (2 * Widths[l] + Widths[l]);
            }
        }
        return flops + 2.0 * h * w * Widths[0] * Classes;
    }

    private int Inputs => down[0][0] is Conv2d c ? c.Options.InChannels : 1;

    private static Sequential DoubleConv(int cin, int cout) => new(
        new Conv2d(cin, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU(),
        new Conv2d(cout, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU());
}
