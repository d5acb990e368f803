using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// torchvision's <c>DeepLabV3</c> without the auxiliary head, as the DeepLab plugin builds it (so its state dict loads
/// unchanged): <c>backbone.*</c> (dilated ResNet to layer4), <c>classifier</c> = Sequential(ASPP, 3×3 conv, BN, ReLU, 1×1
/// conv to the classes). The logits are upsampled bilinearly (align_corners=False) to the input size, as its <c>["out"]</c>.
/// </summary>
internal sealed class TorchDeepLabV3 : Module<Tensor, Tensor>
{
    private readonly TorchResNetBackbone backbone;
    private readonly Sequential classifier;

    public TorchDeepLabV3(TorchDeepLabOptions options)
        : base(nameof(TorchDeepLabV3))
    {
        ArgumentNullException.ThrowIfNull(options);
        backbone = new TorchResNetBackbone(options);
        long c = options.AsppChannels;
        classifier = Sequential(
            new TorchAspp(backbone.OutChannels, options.AtrousRates, c),
            Conv2d(c, c, 3, padding: 1, bias: false),
            BatchNorm2d(c),
            ReLU(),
            Conv2d(c, options.NumClasses, 1));
        register_module("backbone", backbone);
        register_module("classifier", classifier);
    }

    /// <summary>Logits [N, classes, H, W] at the input's size.</summary>
    public override Tensor forward(Tensor input)
    {
        var logits = classifier.call(backbone.call(input));
        return functional.interpolate(logits, [input.shape[2], input.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
