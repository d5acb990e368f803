using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>
/// The U-Net plugin's default network (tools/training/unet.py): without a preset the manifest's baseWidth/depth and its
/// channels (UNetOptions.FromManifest); with preset pipelineseg the reference names in_channels, num_classes, base, depth.
/// </summary>
internal sealed class PipelineSegUNetBuilder : INativeFamilyBuilder
{
    public string Supports => "unet (preset pipelineseg)";

    public bool Accepts(ModelManifest model) =>
        model.Family == "unet" && model.Parameters.GetValueOrDefault("preset", "pipelineseg") == "pipelineseg";

    public NativeNetwork Build(ModelManifest model)
    {
        var unet = model.Parameters.ContainsKey("preset")
            ? new TorchUNet(model.GetInt32("in_channels", 1), model.GetInt32("num_classes", 3), model.GetInt32("base", 8), model.GetInt32("depth", 4))
            : new TorchUNet(model.Input.Channels, model.Output.Channels, model.GetInt32("baseWidth", 32), model.GetInt32("depth", 4));
        return new NativeNetwork(unet, OutputHeads.Classes(model), "U-Net");
    }
}
