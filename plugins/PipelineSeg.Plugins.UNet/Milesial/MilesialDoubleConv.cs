using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>milesial's <c>DoubleConv</c>: <c>double_conv</c> = [Conv3×3 (no bias)-BN-ReLU] × 2, the first to mid_channels.</summary>
public sealed class MilesialDoubleConv : Module
{
    private readonly Sequential doubleConv;

    /// <summary>mid_channels defaults to out_channels, as upstream.</summary>
    public MilesialDoubleConv(int inChannels, int outChannels, int? midChannels = null)
    {
        var mid = midChannels ?? outChannels;
        doubleConv = RegisterModule("double_conv", new Sequential(
            new Conv2d(inChannels, mid, 3, padding: 1, bias: false), new BatchNorm2d(mid), new ReLU(),
            new Conv2d(mid, outChannels, 3, padding: 1, bias: false), new BatchNorm2d(outChannels), new ReLU()));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => doubleConv.Forward(input);
}
