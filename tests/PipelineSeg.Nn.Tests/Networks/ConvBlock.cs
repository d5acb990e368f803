using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Networks;

/// <summary>[Conv3×3-BN-ReLU]×2 as `conv`, the port of networks.ConvBlock.</summary>
public sealed class ConvBlock : Module
{
    public ConvBlock(int cin, int cout)
    {
        Conv = RegisterModule("conv", new Sequential(
            new Conv2d(cin, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU(),
            new Conv2d(cout, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU()));
        OutChannels = cout;
    }

    public Sequential Conv { get; }

    public int OutChannels { get; }

    public override Tensor Forward(Tensor input) => Conv.Forward(input);

    public override void ForwardInto(Tensor input, Tensor output) => Conv.ForwardInto(input, output);
}
