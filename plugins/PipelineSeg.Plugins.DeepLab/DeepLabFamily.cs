using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// DeepLabV3, preset <c>torchvision</c>: state-dict compatible with torchvision's <c>deeplabv3_resnet50/101(num_classes=N,
/// aux_loss=False)</c>, with the arguments of tools/reference/deeplabv3_reference.py <c>DeepLabV3</c>: backbone
/// (resnet18 | resnet34 | resnet50 | resnet101), num_classes, in_channels, output_stride (8: torchvision's own; 16: the
/// paper's), base_width and aspp_channels (small sample models only). Logits at the input size.
/// </summary>
public static class DeepLabFamily
{
    /// <summary>Family name.</summary>
    public const string Name = "deeplabv3";

    /// <summary>Presets.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["torchvision"];

    /// <summary>The options <paramref name="parameters"/> name (validated; unknown parameters refused).</summary>
    public static DeepLabOptions Read(NetworkParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var preset = NetworkParameters.CheckPreset(Name, parameters.Preset(Presets[0]), Presets);
        var defaults = new DeepLabOptions();
        var options = new DeepLabOptions(
            parameters.Choice("backbone", defaults.Backbone, [.. DeepLabOptions.Backbones]),
            parameters.Int("num_classes", defaults.NumClasses),
            parameters.Int("in_channels", defaults.InChannels),
            parameters.Int("output_stride", defaults.OutputStride),
            parameters.Int("base_width", defaults.BaseWidth),
            parameters.Int("aspp_channels", defaults.AsppChannels));
        parameters.ThrowIfUnused(Name, preset);
        options.Validate();
        return options;
    }

    /// <summary>What the network of <paramref name="parameters"/> takes and gives (any input size: the output is resized to it).</summary>
    public static NetworkDescription Describe(NetworkParameters parameters)
    {
        var options = Read(parameters);
        return new NetworkDescription(options.InChannels, options.NumClasses, OutputActivation.Softmax, 1);
    }

    /// <summary>Builds the network (fresh weights, eval mode).</summary>
    public static Module Create(NetworkParameters parameters) => new DeepLabV3(Read(parameters));
}
