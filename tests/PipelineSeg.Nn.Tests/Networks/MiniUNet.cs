using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Networks;

/// <summary>
/// Port of networks.MiniUNet (any depth). Skips are written straight into the decoder's concat buffers and the
/// transposed convolutions write into the other half, so the concatenation never copies.
/// </summary>
public sealed class MiniUNet : Module
{
    private readonly ModuleList down;
    private readonly ConvBlock bottom;
    private readonly MaxPool2d pool;
    private readonly ModuleList up;
    private readonly ModuleList dec;
    private readonly Conv2d head;

    public MiniUNet(int cin = 2, int classes = 3, int baseWidth = 4, int depth = 2)
    {
        down = RegisterModule("down", new ModuleList());
        for (var i = 0; i < depth; i++)
        {
            down.Append(new ConvBlock(i == 0 ? cin : baseWidth << (i - 1), baseWidth << i));
        }
        bottom = RegisterModule("bottom", new ConvBlock(baseWidth << (depth - 1), baseWidth << depth));
        pool = RegisterModule("pool", new MaxPool2d(2));
        up = RegisterModule("up", new ModuleList());
        dec = RegisterModule("dec", new ModuleList());
        for (var i = depth; i > 0; i--)
        {
            up.Append(new ConvTranspose2d(baseWidth << i, baseWidth << (i - 1), 2, stride: 2));
            dec.Append(new ConvBlock(baseWidth << i, baseWidth << (i - 1)));
        }
        head = RegisterModule("head", new Conv2d(baseWidth, classes, 1));
    }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var concats = new Tensor[down.Count];
        var x = input.Share();
        try
        {
            for (var i = 0; i < down.Count; i++)
            {
                var block = (ConvBlock)down[i];
                concats[i] = Tensor.Empty(input.Shape[0], 2 * block.OutChannels, x.Shape[2], x.Shape[3]);
                using var skip = concats[i].Narrow(1, 0, block.OutChannels);
                block.ForwardInto(x, skip);
                x.Dispose();
                x = pool.Forward(skip);
            }
            var y = bottom.Forward(x);
            x.Dispose();
            x = y;
            for (var j = 0; j < up.Count; j++)
            {
                var cat = concats[down.Count - 1 - j];
                var half = cat.Shape[1] / 2;
                using (var upper = cat.Narrow(1, half, half))
                {
                    up[j].ForwardInto(x, upper);
                }
                x.Dispose();
                x = dec[j].Forward(cat);
            }
            return head.Forward(x);
        }
        finally
        {
            x.Dispose();
            foreach (var c in concats)
            {
                c?.Dispose();
            }
        }
    }
}
