using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>torchvision's <c>BasicBlock</c> (ResNet-18/34): conv1 3×3 (stride), bn1, ReLU, conv2 3×3, bn2, + identity, ReLU;
/// dilated like a Bottleneck's conv2 (torchvision's own BasicBlock refuses dilation, the names are the same).</summary>
public sealed class BasicBlock : ResNetBlock
{
    /// <summary>Builds the block; <paramref name="dilation"/> applies to both 3×3 convolutions, <paramref name="downsample"/> adds the projection.</summary>
    public BasicBlock(int inplanes, int planes, int stride, int dilation, bool downsample)
    {
        AddStage(1, new Conv2d(inplanes, planes, 3, stride, dilation, dilation, bias: false), relu: true);
        AddStage(2, new Conv2d(planes, planes, 3, 1, dilation, dilation, bias: false), relu: false);
        AddDownsample(Downsample(downsample, inplanes, planes, stride));
    }

    /// <inheritdoc />
    public override int Expansion => 1;
}
