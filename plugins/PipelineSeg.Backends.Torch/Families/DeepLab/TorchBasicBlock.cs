namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>torchvision's <c>BasicBlock</c> (ResNet-18/34): two 3×3 convolutions, the first with the stride; both dilated
/// in a dilated layer, as tools/reference/deeplabv3_reference.py does (torchvision's own BasicBlock refuses dilation).</summary>
internal sealed class TorchBasicBlock : TorchResNetBlock
{
    public TorchBasicBlock(long inplanes, long planes, long stride, long dilation, bool downsample)
        : base(nameof(TorchBasicBlock))
    {
        AddStage(1, inplanes, planes, 3, stride, dilation);
        AddStage(2, planes, planes, 3, 1, dilation);
        if (downsample)
        {
            AddDownsample(inplanes, planes, stride);
        }
    }
}
