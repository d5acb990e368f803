using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>torchvision's <c>Bottleneck</c> (ResNet-50/101, v1.5: the stride on the 3×3): conv1 1×1, conv2 3×3 (stride,
/// dilation), conv3 1×1 to 4 × planes, each with its BN, + identity, ReLU.</summary>
public sealed class Bottleneck : ResNetBlock
{
    /// <summary>Builds the block; <paramref name="downsample"/> adds the projection on the identity.</summary>
    public Bottleneck(int inplanes, int planes, int stride, int dilation, bool downsample)
    {
        AddStage(1, new Conv2d(inplanes, planes, 1, bias: false), relu: true);
        AddStage(2, new Conv2d(planes, planes, 3, stride, dilation, dilation, bias: false), relu: true);
        AddStage(3, new Conv2d(planes, planes * 4, 1, bias: false), relu: false);
        AddDownsample(Downsample(downsample, inplanes, planes * 4, stride));
    }

    /// <inheritdoc />
    public override int Expansion => 4;
}
