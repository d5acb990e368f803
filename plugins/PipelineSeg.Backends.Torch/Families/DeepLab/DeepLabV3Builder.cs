using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// The DeepLab plugin's DeepLabV3 (preset torchvision: ResNet-18/34/50/101, output stride 8 or 16), softmax over the
/// classes as the plugin gives them. Its SegAN critic (role <c>critic</c>, <c>critic_*</c> parameters) is no part of the
/// network and stays with the builtin plugin.
/// </summary>
internal sealed class DeepLabV3Builder : INativeFamilyBuilder
{
    public string Supports => $"{TorchDeepLabOptions.Family} (preset {TorchDeepLabOptions.Preset})";

    public bool Accepts(ModelManifest model) =>
        model.Family == TorchDeepLabOptions.Family && model.Parameters.GetValueOrDefault("preset", TorchDeepLabOptions.Preset) == TorchDeepLabOptions.Preset;

    public NativeNetwork Build(ModelManifest model)
    {
        var options = TorchDeepLabOptions.Read(model);
        return new NativeNetwork(new TorchDeepLabV3(options), OutputHeads.Classes(model),
            $"DeepLabV3 ({options.Backbone}, output stride {options.OutputStride})");
    }
}
