namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>torchvision's <c>Bottleneck</c> (ResNet-50/101, v1.5: the stride on the 3×3): 1×1, 3×3 (stride, dilation),
/// 1×1 to 4 × planes.</summary>
internal sealed class TorchBottleneck : TorchResNetBlock
{
    /// <summary>Output channels over planes.</summary>
    public const int Expansion = 4;

    public TorchBottleneck(long inplanes, long planes, long stride, long dilation, bool downsample)
        : base(nameof(TorchBottleneck))
    {
        AddStage(1, inplanes, planes, 1);
        AddStage(2, planes, planes, 3, stride, dilation);
        AddStage(3, planes, planes * Expansion, 1);
        if (downsample)
        {
            AddDownsample(inplanes, planes * Expansion, stride);
        }
    }
}
