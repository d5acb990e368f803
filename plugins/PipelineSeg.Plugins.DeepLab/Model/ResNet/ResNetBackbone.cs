using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// torchvision's ResNet up to <c>layer4</c> (what DeepLabV3's IntermediateLayerGetter keeps: conv1, bn1, relu, maxpool,
/// layer1…4), with its <c>_make_layer</c> rule for <c>replace_stride_with_dilation</c>: a dilated layer keeps the
/// resolution, its first block uses the previous dilation and the rest the new one.
/// </summary>
public sealed class ResNetBackbone : Module
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly MaxPool2d maxpool;
    private readonly Sequential[] layers;
    private int inplanes;
    private int dilation = 1;

    /// <summary>Builds the backbone of <paramref name="options"/>.</summary>
    public ResNetBackbone(DeepLabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = options.BaseWidth;
        inplanes = w;
        conv1 = RegisterModule("conv1", new Conv2d(options.InChannels, w, 7, stride: 2, padding: 3, bias: false));
        bn1 = RegisterModule("bn1", new BatchNorm2d(w));
        relu = RegisterModule("relu", new ReLU());
        maxpool = RegisterModule("maxpool", new MaxPool2d(3, 2, 1));
        var blocks = options.BlocksPerLayer;
        var dilate = options.DilatedLayers;
        layers =
        [
            RegisterModule("layer1", MakeLayer(options.Bottleneck, w, blocks[0], 1, false)),
            RegisterModule("layer2", MakeLayer(options.Bottleneck, 2 * w, blocks[1], 2, dilate[0])),
            RegisterModule("layer3", MakeLayer(options.Bottleneck, 4 * w, blocks[2], 2, dilate[1])),
            RegisterModule("layer4", MakeLayer(options.Bottleneck, 8 * w, blocks[3], 2, dilate[2])),
        ];
        OutChannels = inplanes;
    }

    /// <summary>Channels of layer4's output.</summary>
    public int OutChannels { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = conv1.Forward(input);
        foreach (var module in new Module[] { bn1, relu, maxpool })
        {
            using var previous = x;
            x = module.Forward(previous);
        }
        foreach (var layer in layers)
        {
            using var previous = x;
            x = layer.Forward(previous);
        }
        return x;
    }

    /// <inheritdoc />
    protected override void OnFoldRequested()
    {
        if (!Training && conv1.FusedBatchNorm is null && Fusion.CanFuse(conv1, bn1, relu, out _))
        {
            Fusion.Fuse(conv1, bn1, relu);
        }
    }

    private Sequential MakeLayer(bool bottleneck, int planes, int blocks, int stride, bool dilate)
    {
        var previousDilation = dilation;
        if (dilate)
        {
            dilation *= stride;
            stride = 1;
        }
        var expansion = bottleneck ? 4 : 1;
        var layer = new Sequential();
        var project = stride != 1 || inplanes != planes * expansion;
        layer.Append(Block(bottleneck, inplanes, planes, stride, previousDilation, project));
        inplanes = planes * expansion;
        for (var i = 1; i < blocks; i++)
        {
            layer.Append(Block(bottleneck, inplanes, planes, 1, dilation, false));
        }
        return layer;
    }

    private static ResNetBlock Block(bool bottleneck, int inplanes, int planes, int stride, int dilation, bool downsample) =>
        bottleneck ? new Bottleneck(inplanes, planes, stride, dilation, downsample) : new BasicBlock(inplanes, planes, stride, dilation, downsample);
}
