namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// The reference constructor's arguments (tools/reference/deeplabv3_reference.py <c>DeepLabV3</c>): backbone resnet18 |
/// resnet34 | resnet50 | resnet101, classes, input channels, output stride 8 (torchvision's own: layer3 and layer4 dilated,
/// ASPP rates 12/24/36) or 16 (layer4 dilated, rates 6/12/18), and the widths (torchvision: 64 and 256) that only small
/// sample models change.
/// </summary>
public sealed record DeepLabOptions(string Backbone = "resnet50", int NumClasses = 21, int InChannels = 3, int OutputStride = 8,
    int BaseWidth = 64, int AsppChannels = 256)
{
    /// <summary>Backbones, torchvision's names.</summary>
    public static IReadOnlyList<string> Backbones { get; } = ["resnet18", "resnet34", "resnet50", "resnet101"];

    /// <summary>True for ResNet-50/101 (Bottleneck blocks), false for ResNet-18/34 (BasicBlock).</summary>
    public bool Bottleneck => Backbone is "resnet50" or "resnet101";

    /// <summary>Blocks in layer1…4.</summary>
    public IReadOnlyList<int> BlocksPerLayer => Backbone switch
    {
        "resnet18" => [2, 2, 2, 2],
        "resnet101" => [3, 4, 23, 3],
        _ => [3, 4, 6, 3],
    };

    /// <summary>torchvision's replace_stride_with_dilation for layer2…4.</summary>
    public IReadOnlyList<bool> DilatedLayers => [false, OutputStride == 8, true];

    /// <summary>ASPP's atrous rates.</summary>
    public IReadOnlyList<int> AtrousRates => OutputStride == 8 ? [12, 24, 36] : [6, 12, 18];

    /// <summary>Fails on a value the reference refuses, naming the parameter.</summary>
    public void Validate()
    {
        if (!Backbones.Contains(Backbone, StringComparer.Ordinal))
        {
            throw new ArgumentException($"parameter 'backbone' = '{Backbone}' is not one of {string.Join(", ", Backbones)}");
        }
        if (OutputStride is not (8 or 16))
        {
            throw new ArgumentException($"parameter 'output_stride' = {OutputStride}: must be 8 or 16");
        }
        foreach (var (name, value) in new[] { ("num_classes", NumClasses), ("in_channels", InChannels), ("base_width", BaseWidth), ("aspp_channels", AsppChannels) })
        {
            if (value < 1)
            {
                throw new ArgumentException($"parameter '{name}' = {value}: must be at least 1");
            }
        }
    }
}
