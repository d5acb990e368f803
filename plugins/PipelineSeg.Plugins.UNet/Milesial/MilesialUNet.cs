using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// milesial/Pytorch-UNet's <c>UNet(n_channels, n_classes, bilinear=False)</c>, state-dict compatible with its checkpoints:
/// <c>inc</c>, <c>down1…4</c>, <c>up1…4</c>, <c>outc</c> (widths 64…1024, the deepest halved when bilinear). Logits out.
/// </summary>
public sealed class MilesialUNet : Module
{
    private readonly MilesialDoubleConv inc;
    private readonly MilesialDown[] downs;
    private readonly MilesialUp[] ups;
    private readonly Conv2d outc;

    /// <summary>Builds the network with fresh weights; <paramref name="width"/> is the first level's channels (upstream's fixed
    /// 64; the reference's <c>width</c> argument shrinks small sample models, same keys).</summary>
    public MilesialUNet(int nChannels, int nClasses, bool bilinear, int width = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nClasses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var factor = bilinear ? 2 : 1;
        var w = width;
        inc = RegisterModule("inc", new MilesialDoubleConv(nChannels, w));
        downs =
        [
            RegisterModule("down1", new MilesialDown(w, 2 * w)),
            RegisterModule("down2", new MilesialDown(2 * w, 4 * w)),
            RegisterModule("down3", new MilesialDown(4 * w, 8 * w)),
            RegisterModule("down4", new MilesialDown(8 * w, 16 * w / factor)),
        ];
        ups =
        [
            RegisterModule("up1", new MilesialUp(16 * w, 8 * w / factor, bilinear)),
            RegisterModule("up2", new MilesialUp(8 * w, 4 * w / factor, bilinear)),
            RegisterModule("up3", new MilesialUp(4 * w, 2 * w / factor, bilinear)),
            RegisterModule("up4", new MilesialUp(2 * w, w, bilinear)),
        ];
        // OutConv wraps its 1×1 convolution as "conv".
        outc = RegisterModule("outc", new OutConv(w, nClasses)).Conv;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var skips = new Tensor[5];
        var filled = 0;
        try
        {
            skips[filled++] = inc.Forward(input);
            foreach (var down in downs)
            {
                skips[filled] = down.Forward(skips[filled - 1]);
                filled++;
            }
            var x = skips[4].Share();
            for (var i = 0; i < ups.Length; i++)
            {
                var next = ups[i].Forward(x, skips[3 - i]);
                x.Dispose();
                x = next;
            }
            using (x)
            {
                return outc.Forward(x);
            }
        }
        finally
        {
            for (var i = 0; i < filled; i++)
            {
                skips[i].Dispose();
            }
        }
    }

    private sealed class OutConv : Module
    {
        public OutConv(int inChannels, int outChannels) => Conv = RegisterModule("conv", new Conv2d(inChannels, outChannels, 1));

        public Conv2d Conv { get; }

        public override Tensor Forward(Tensor input) => Conv.Forward(input);
    }
}
