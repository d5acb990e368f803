using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>milesial's <c>Down</c>: <c>maxpool_conv</c> = MaxPool2d(2) then <see cref="MilesialDoubleConv"/>.</summary>
public sealed class MilesialDown : Module
{
    private readonly Sequential maxpoolConv;

    /// <summary>Halves the size and maps <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public MilesialDown(int inChannels, int outChannels) =>
        maxpoolConv = RegisterModule("maxpool_conv", new Sequential(new MaxPool2d(2), new MilesialDoubleConv(inChannels, outChannels)));

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => maxpoolConv.Forward(input);
}
