using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>torchvision's <c>ASPPPooling</c>, a Sequential subclass (keys <c>1.weight</c>, <c>2.*</c>): global average pool,
/// 1×1 conv, BN, ReLU, then bilinear (align_corners=False) back to the input's size — the image-level features.</summary>
public sealed class AsppPooling : Module
{
    private readonly AdaptiveAvgPool2d pool;
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;
    private readonly ReLU relu;

    /// <summary>Builds the branch.</summary>
    public AsppPooling(int inChannels, int outChannels)
    {
        pool = RegisterModule("0", new AdaptiveAvgPool2d(1));
        conv = RegisterModule("1", new Conv2d(inChannels, outChannels, 1, bias: false));
        norm = RegisterModule("2", new BatchNorm2d(outChannels));
        relu = RegisterModule("3", new ReLU());
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var pooled = pool.Forward(input);
        using var convolved = conv.Forward(pooled);
        using var normalized = norm.Forward(convolved);
        using var activated = relu.Forward(normalized);
        return Upsample.Interpolate(activated, (input.Shape[2], input.Shape[3]), null, InterpolationMode.Bilinear);
    }

    /// <inheritdoc />
    protected override void OnFoldRequested()
    {
        if (!Training && conv.FusedBatchNorm is null && Fusion.CanFuse(conv, norm, relu, out _))
        {
            Fusion.Fuse(conv, norm, relu);
        }
    }
}
