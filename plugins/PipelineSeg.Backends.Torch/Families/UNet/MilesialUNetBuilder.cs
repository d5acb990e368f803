using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>The U-Net plugin's preset milesial (n_channels, n_classes, bilinear false, width 64), softmax as the plugin.</summary>
internal sealed class MilesialUNetBuilder : INativeFamilyBuilder
{
    public string Supports => "unet (preset milesial)";

    public bool Accepts(ModelManifest model) => model.Family == "unet" && model.Parameters.GetValueOrDefault("preset") == "milesial";

    public NativeNetwork Build(ModelManifest model)
    {
        var width = model.GetInt32("width", 64);
        if (width < 1)
        {
            throw new ArgumentException($"model '{model.Id}': parameter 'width' = {width}: must be at least 1");
        }
        var unet = new TorchMilesialUNet(Required(model, "n_channels"), Required(model, "n_classes"),
            bool.Parse(model.Parameters.GetValueOrDefault("bilinear", "false")), width);
        return new NativeNetwork(unet, OutputHeads.Classes(model), "U-Net (milesial)");
    }

    private static int Required(ModelManifest model, string name) => model.Parameters.ContainsKey(name)
        ? model.GetInt32(name, 0)
        : throw new ArgumentException($"model '{model.Id}': the milesial U-Net needs parameter '{name}'");
}
