using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>milesial's <c>DoubleConv</c>: <c>double_conv</c> = (3×3 conv without bias, BN, ReLU) × 2, mid channels first.</summary>
internal sealed class MilesialDoubleConv : Module<Tensor, Tensor>
{
    [ComponentName(Name = "double_conv")]
    private readonly Module<Tensor, Tensor> convs;

    public MilesialDoubleConv(long inChannels, long outChannels, long? midChannels = null)
        : base(nameof(MilesialDoubleConv))
    {
        var mid = midChannels ?? outChannels;
        convs = Sequential(Conv2d(inChannels, mid, 3, padding: 1, bias: false), BatchNorm2d(mid), ReLU(),
            Conv2d(mid, outChannels, 3, padding: 1, bias: false), BatchNorm2d(outChannels), ReLU());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => convs.call(input);
}
