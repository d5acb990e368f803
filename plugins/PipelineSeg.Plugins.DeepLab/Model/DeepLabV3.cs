using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// torchvision's <c>DeepLabV3</c> without the auxiliary head: <c>backbone</c> (ResNet to layer4, dilated), <c>classifier</c> =
/// DeepLabHead = Sequential(ASPP, 3×3 conv, BN, ReLU, 1×1 conv to the classes); the logits are upsampled bilinearly
/// (align_corners=False) to the input size, as its <c>["out"]</c>.
/// </summary>
public sealed class DeepLabV3 : Module
{
    private readonly ResNetBackbone backbone;
    private readonly Sequential classifier;

    /// <summary>Builds the network of <paramref name="options"/> (fresh weights).</summary>
    public DeepLabV3(DeepLabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        backbone = RegisterModule("backbone", new ResNetBackbone(options));
        var c = options.AsppChannels;
        classifier = RegisterModule("classifier", new Sequential(
            new Aspp(backbone.OutChannels, options.AtrousRates, c),
            new Conv2d(c, c, 3, padding: 1, bias: false),
            new BatchNorm2d(c),
            new ReLU(),
            new Conv2d(c, options.NumClasses, 1)));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"DeepLabV3: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        using var features = backbone.Forward(input);
        using var logits = classifier.Forward(features);
        return Upsample.Interpolate(logits, (input.Shape[2], input.Shape[3]), null, InterpolationMode.Bilinear);
    }
}
