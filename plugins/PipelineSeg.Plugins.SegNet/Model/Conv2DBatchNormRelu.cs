using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>pytorch-semseg's <c>conv2DBatchNormRelu</c>: <c>cbr_unit</c> = [Conv (with bias), BatchNorm2d, ReLU].</summary>
public sealed class Conv2DBatchNormRelu : Module
{
    private readonly Sequential cbrUnit;

    /// <summary>A 3×3, stride 1, padding 1 unit as SegNet uses.</summary>
    public Conv2DBatchNormRelu(int inChannels, int outChannels) =>
        cbrUnit = RegisterModule("cbr_unit", new Sequential(new Conv2d(inChannels, outChannels, 3, padding: 1), new BatchNorm2d(outChannels), new ReLU()));

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => cbrUnit.Forward(input);
}
