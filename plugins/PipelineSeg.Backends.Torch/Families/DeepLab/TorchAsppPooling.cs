using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// torchvision's <c>ASPPPooling</c>, a Sequential subclass, so its keys are <c>1.weight</c> and <c>2.*</c>: global average
/// pool, 1×1 conv, BN, ReLU, then bilinear (align_corners=False) back to the input's size — the image-level features.
/// </summary>
internal sealed class TorchAsppPooling : Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d pool;
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;

    public TorchAsppPooling(long inChannels, long outChannels)
        : base(nameof(TorchAsppPooling))
    {
        pool = AdaptiveAvgPool2d(1);
        conv = Conv2d(inChannels, outChannels, 1, bias: false);
        norm = BatchNorm2d(outChannels);
        register_module("0", pool);
        register_module("1", conv);
        register_module("2", norm);
    }

    public override Tensor forward(Tensor input)
    {
        var features = functional.relu(norm.call(conv.call(pool.call(input))));
        return functional.interpolate(features, [input.shape[2], input.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
