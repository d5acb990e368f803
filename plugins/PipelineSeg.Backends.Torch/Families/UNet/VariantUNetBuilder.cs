using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>
/// The U-Net plugin's preset variant with its names and defaults (in_channels 1, out_channels 2, depth 4, base_width 32,
/// batch_norm true, padding true, skip concat | add, upsampling transposed | bilinear | maxunpool); the LGAN generator
/// (lgan-liver-phantom) is one. Softmax as the plugin.
/// </summary>
internal sealed class VariantUNetBuilder : INativeFamilyBuilder
{
    public string Supports => "unet (preset variant, LGAN generators)";

    public bool Accepts(ModelManifest model) => model.Family == "unet" && model.Parameters.GetValueOrDefault("preset") == "variant";

    public NativeNetwork Build(ModelManifest model)
    {
        var (depth, width) = (model.GetInt32("depth", 4), model.GetInt32("base_width", 32));
        var (skip, upsampling) = (Choice(model, "skip", "concat", "add"), Choice(model, "upsampling", "transposed", "bilinear", "maxunpool"));
        var padding = Flag(model, "padding");
        if (depth < 1 || width < 1 || (!padding && upsampling == "maxunpool"))
        {
            throw new ArgumentException($"model '{model.Id}': depth and base_width must be at least 1, and maxunpool needs padding");
        }
        var unet = new TorchUNetVariant(model.GetInt32("in_channels", 1), model.GetInt32("out_channels", 2), depth, width,
            Flag(model, "batch_norm"), padding, skip, upsampling);
        return new NativeNetwork(unet, OutputHeads.Classes(model), "U-Net (variant)");
    }

    private static bool Flag(ModelManifest model, string name) => bool.Parse(model.Parameters.GetValueOrDefault(name, "true"));

    private static string Choice(ModelManifest model, string name, params string[] allowed)
    {
        var value = model.Parameters.GetValueOrDefault(name, allowed[0]);
        return allowed.Contains(value, StringComparer.Ordinal) ? value
            : throw new ArgumentException($"model '{model.Id}': parameter '{name}' = '{value}': one of {string.Join(", ", allowed)}");
    }
}
