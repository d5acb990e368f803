using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>milesial's <c>OutConv</c>: a 1×1 <c>conv</c> to the classes.</summary>
internal sealed class MilesialOutConv : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv;

    public MilesialOutConv(long inChannels, long classes)
        : base(nameof(MilesialOutConv))
    {
        conv = Conv2d(inChannels, classes, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => conv.call(input);
}
