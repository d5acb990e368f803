using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>milesial's <c>Up</c>: <c>up</c> (bilinear ×2 with align_corners, or a 2×2 transposed conv halving the channels),
/// zero padding to the skip's size, cat([skip, up]), <c>conv</c>.</summary>
internal sealed class MilesialUp : Module
{
    private readonly Module<Tensor, Tensor> up;
    private readonly MilesialDoubleConv conv;

    public MilesialUp(long inChannels, long outChannels, bool bilinear)
        : base(nameof(MilesialUp))
    {
        up = bilinear
            ? Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: true)
            : ConvTranspose2d(inChannels, inChannels / 2, 2, stride: 2);
        conv = bilinear ? new MilesialDoubleConv(inChannels, outChannels, inChannels / 2) : new MilesialDoubleConv(inChannels, outChannels);
        RegisterComponents();
    }

    public Tensor Forward(Tensor input, Tensor skip)
    {
        var x = up.call(input);
        var (dy, dx) = (skip.shape[2] - x.shape[2], skip.shape[3] - x.shape[3]);
        if (dy != 0 || dx != 0)
        {
            x = functional.pad(x, [dx / 2, dx - dx / 2, dy / 2, dy - dy / 2]);
        }
        return conv.call(cat([skip, x], 1));
    }
}
