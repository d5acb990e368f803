using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>milesial's <c>Down</c>: <c>maxpool_conv</c> = [MaxPool2d(2), DoubleConv].</summary>
internal sealed class MilesialDown : Module<Tensor, Tensor>
{
    [ComponentName(Name = "maxpool_conv")]
    private readonly Module<Tensor, Tensor> layers;

    public MilesialDown(long inChannels, long outChannels)
        : base(nameof(MilesialDown))
    {
        layers = Sequential(MaxPool2d(2), new MilesialDoubleConv(inChannels, outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.call(input);
}
