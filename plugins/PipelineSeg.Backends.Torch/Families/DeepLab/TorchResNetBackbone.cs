using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// torchvision's ResNet up to <c>layer4</c> (what DeepLabV3's IntermediateLayerGetter keeps): conv1, bn1, ReLU, maxpool,
/// layer1…4, with <c>_make_layer</c>'s rule for replace_stride_with_dilation — a dilated layer keeps the resolution, its
/// first block uses the previous dilation and the others the new one.
/// </summary>
internal sealed class TorchResNetBackbone : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d maxpool;
    private readonly Sequential[] layers;
    private long inplanes;
    private long dilation = 1;

    public TorchResNetBackbone(TorchDeepLabOptions options)
        : base(nameof(TorchResNetBackbone))
    {
        long w = options.BaseWidth;
        inplanes = w;
        conv1 = Conv2d(options.InChannels, w, 7, stride: 2, padding: 3, bias: false);
        bn1 = BatchNorm2d(w);
        maxpool = MaxPool2d(3, stride: 2, padding: 1);
        register_module("conv1", conv1);
        register_module("bn1", bn1);
        register_module("maxpool", maxpool);
        var (blocks, dilate) = (options.BlocksPerLayer, options.DilatedLayers);
        layers =
        [
            MakeLayer(options.Bottleneck, w, blocks[0], 1, false),
            MakeLayer(options.Bottleneck, 2 * w, blocks[1], 2, dilate[0]),
            MakeLayer(options.Bottleneck, 4 * w, blocks[2], 2, dilate[1]),
            MakeLayer(options.Bottleneck, 8 * w, blocks[3], 2, dilate[2]),
        ];
        for (var i = 0; i < layers.Length; i++)
        {
            register_module($"layer{i + 1}", layers[i]);
        }
        OutChannels = inplanes;
    }

    /// <summary>Channels of layer4's output.</summary>
    public long OutChannels { get; }

    public override Tensor forward(Tensor input)
    {
        var x = maxpool.call(functional.relu(bn1.call(conv1.call(input))));
        foreach (var layer in layers)
        {
            x = layer.call(x);
        }
        return x;
    }

    private Sequential MakeLayer(bool bottleneck, long planes, int blocks, long stride, bool dilate)
    {
        var previousDilation = dilation;
        if (dilate)
        {
            dilation *= stride;
            stride = 1;
        }
        var expansion = bottleneck ? TorchBottleneck.Expansion : 1;
        var project = stride != 1 || inplanes != planes * expansion;
        var layer = Sequential();
        layer.append(Block(bottleneck, inplanes, planes, stride, previousDilation, project));
        inplanes = planes * expansion;
        for (var i = 1; i < blocks; i++)
        {
            layer.append(Block(bottleneck, inplanes, planes, 1, dilation, false));
        }
        return layer;
    }

    private static TorchResNetBlock Block(bool bottleneck, long inplanes, long planes, long stride, long dilation, bool downsample) => bottleneck
        ? new TorchBottleneck(inplanes, planes, stride, dilation, downsample)
        : new TorchBasicBlock(inplanes, planes, stride, dilation, downsample);
}
