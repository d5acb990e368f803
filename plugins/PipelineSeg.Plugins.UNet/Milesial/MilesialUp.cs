using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// milesial's <c>Up</c>: <c>up</c> (bilinear ×2 with align_corners=True, or ConvTranspose2d(in, in/2, 2, stride 2)), zero
/// padding of the upsampled map to the skip's size, concat [skip, upsampled], then <c>conv</c> (a DoubleConv whose mid
/// channels are in/2 in the bilinear case).
/// </summary>
public sealed class MilesialUp : Module
{
    private readonly Module up;
    private readonly MilesialDoubleConv conv;

    /// <summary>Builds the block as upstream's <c>Up(in_channels, out_channels, bilinear)</c>.</summary>
    public MilesialUp(int inChannels, int outChannels, bool bilinear)
    {
        if (bilinear)
        {
            up = RegisterModule("up", new Upsample(2.0, InterpolationMode.Bilinear, alignCorners: true));
            conv = RegisterModule("conv", new MilesialDoubleConv(inChannels, outChannels, inChannels / 2));
        }
        else
        {
            up = RegisterModule("up", new ConvTranspose2d(inChannels, inChannels / 2, 2, stride: 2));
            conv = RegisterModule("conv", new MilesialDoubleConv(inChannels, outChannels));
        }
    }

    /// <summary>upstream's <c>forward(x1, x2)</c>: <paramref name="x1"/> from below, <paramref name="x2"/> the skip.</summary>
    public Tensor Forward(Tensor x1, Tensor x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        var upsampled = up.Forward(x1);
        try
        {
            var diffY = x2.Shape[2] - upsampled.Shape[2];
            var diffX = x2.Shape[3] - upsampled.Shape[3];
            if (diffY != 0 || diffX != 0)
            {
                var padded = Functional.Pad(upsampled, diffX / 2, diffX - diffX / 2, diffY / 2, diffY - diffY / 2);
                upsampled.Dispose();
                upsampled = padded;
            }
            using var cat = Functional.Cat([x2, upsampled]);
            return conv.Forward(cat);
        }
        finally
        {
            upsampled.Dispose();
        }
    }
}
