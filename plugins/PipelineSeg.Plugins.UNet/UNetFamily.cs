using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// The U-Net presets, each with its reference constructor's argument names:
/// <c>pipelineseg</c> (tools/training/unet.py: in_channels, num_classes, base, depth, dropout),
/// <c>milesial</c> (milesial/Pytorch-UNet: n_channels, n_classes, bilinear; plus width, 64 upstream, for small models) and
/// <c>variant</c> (tools/reference/unet_variants.py: in_channels, out_channels, depth, base_width, batch_norm, padding,
/// skip, upsampling). LGAN generators are U-Nets served by these presets with their own weights.
/// </summary>
public static class UNetFamily
{
    /// <summary>Family name.</summary>
    public const string Name = "unet";

    /// <summary>Presets, the default first.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["pipelineseg", "milesial", "variant"];

    /// <summary>What the network of <paramref name="parameters"/> takes and gives.</summary>
    public static NetworkDescription Describe(NetworkParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var build = Read(parameters).Build;
        return new NetworkDescription(build.In, build.Out, OutputActivation.Softmax, 1 << build.Depth);
    }

    /// <summary>Builds the network (fresh weights, eval mode).</summary>
    public static Module Create(NetworkParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Read(parameters).Build.Create();
    }

    private static (string Preset, Builder Build) Read(NetworkParameters p)
    {
        var preset = NetworkParameters.CheckPreset(Name, p.Preset(Presets[0]), Presets);
        Builder builder = preset switch
        {
            "milesial" => Milesial(p),
            "variant" => Variant(p),
            _ => PipelineSeg(p),
        };
        p.ThrowIfUnused(Name, preset);
        return (preset, builder);
    }

    private static Builder Milesial(NetworkParameters p)
    {
        var (n, classes, bilinear, width) = (p.Int("n_channels"), p.Int("n_classes"), p.Bool("bilinear", false), p.Int("width", 64));
        if (width < 1)
        {
            throw new ArgumentException($"parameter 'width' = {width}: must be at least 1");
        }
        return new Builder(n, classes, 4, () => new MilesialUNet(n, classes, bilinear, width));
    }

    private static Builder Variant(NetworkParameters p)
    {
        var options = new UNetVariantOptions(p.Int("in_channels", 1), p.Int("out_channels", 2), p.Int("depth", 4), p.Int("base_width", 32),
            p.Bool("batch_norm", true), p.Bool("padding", true), p.Choice("skip", "concat", "concat", "add"),
            p.Choice("upsampling", "transposed", "transposed", "bilinear", "maxunpool"));
        options.Validate();
        return new Builder(options.InChannels, options.OutChannels, options.Depth, () => new UNetVariant(options));
    }

    private static Builder PipelineSeg(NetworkParameters p)
    {
        var options = new UNetOptions(p.Int("in_channels", 1), p.Int("num_classes", 3), p.Int("base", 8), p.Int("depth", 4), (float)p.Double("dropout", 0));
        options.Validate(1 << options.Depth, 1 << options.Depth);
        return new Builder(options.InChannels, options.Classes, options.Depth, () => new UNetModule(options));
    }

    private sealed record Builder(int In, int Out, int Depth, Func<Module> Create);
}
