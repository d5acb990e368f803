using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// The manifest parameters of a <c>deeplabv3</c> model (preset <c>torchvision</c>), read as the DeepLab plugin reads them
/// (plugins/PipelineSeg.Plugins.DeepLab DeepLabOptions, same names and defaults); the critic's <c>critic_*</c> parameters
/// describe no part of the network and are left alone.
/// </summary>
internal sealed record TorchDeepLabOptions(string Backbone, int NumClasses, int InChannels, int OutputStride, int BaseWidth, int AsppChannels)
{
    public const string Family = "deeplabv3";
    public const string Preset = "torchvision";

    private static readonly string[] Backbones = ["resnet18", "resnet34", "resnet50", "resnet101"];

    /// <summary>ResNet-50/101 use Bottleneck blocks, ResNet-18/34 BasicBlocks.</summary>
    public bool Bottleneck => Backbone is "resnet50" or "resnet101";

    /// <summary>Blocks in layer1…4.</summary>
    public IReadOnlyList<int> BlocksPerLayer => Backbone switch
    {
        "resnet18" => [2, 2, 2, 2],
        "resnet101" => [3, 4, 23, 3],
        _ => [3, 4, 6, 3],
    };

    /// <summary>torchvision's replace_stride_with_dilation for layer2…4: output stride 8 dilates layer3 and layer4, 16 only layer4.</summary>
    public IReadOnlyList<bool> DilatedLayers => [false, OutputStride == 8, true];

    /// <summary>ASPP's atrous rates.</summary>
    public IReadOnlyList<long> AtrousRates => OutputStride == 8 ? [12, 24, 36] : [6, 12, 18];

    /// <summary>The options of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">A value the reference refuses, or classes/channels the manifest contradicts.</exception>
    public static TorchDeepLabOptions Read(ModelManifest model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new TorchDeepLabOptions(
            model.Parameters.GetValueOrDefault("backbone", "resnet50"),
            model.GetInt32("num_classes", 21),
            model.GetInt32("in_channels", 3),
            model.GetInt32("output_stride", 8),
            model.GetInt32("base_width", 64),
            model.GetInt32("aspp_channels", 256));
        var problem = options.Problem(model);
        return problem is null ? options : throw new ArgumentException($"model '{model.Id}': {problem}");
    }

    private string? Problem(ModelManifest model)
    {
        if (!Backbones.Contains(Backbone, StringComparer.Ordinal))
        {
            return $"parameter 'backbone' = '{Backbone}' is not one of {string.Join(", ", Backbones)}";
        }
        if (OutputStride is not (8 or 16))
        {
            return $"parameter 'output_stride' = {OutputStride}: must be 8 or 16";
        }
        if (BaseWidth < 1 || AsppChannels < 1)
        {
            return $"parameters 'base_width' = {BaseWidth} and 'aspp_channels' = {AsppChannels} must be at least 1";
        }
        if (InChannels != model.Input.Channels || NumClasses != model.Output.Channels)
        {
            return $"the network takes {InChannels} channel(s) and gives {NumClasses} class(es); the manifest says {model.Input.Channels} and {model.Output.Channels}";
        }
        return null;
    }
}
