using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>pytorch-semseg's <c>conv2DBatchNormRelu</c>: <c>cbr_unit.{0: Conv2d 3×3 with bias, 1: BatchNorm2d, 2: ReLU}</c>.</summary>
internal sealed class ConvBatchNormRelu : Module<Tensor, Tensor>
{
    [ComponentName(Name = "cbr_unit")]
    private readonly Module<Tensor, Tensor> unit;

    public ConvBatchNormRelu(long inChannels, long outChannels)
        : base(nameof(ConvBatchNormRelu))
    {
        unit = Sequential(Conv2d(inChannels, outChannels, 3, padding: 1), BatchNorm2d(outChannels), ReLU());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => unit.call(input);
}
