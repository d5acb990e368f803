using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>
/// CycleGAN / pix2pix generators, preset <c>junyanz</c> with <c>define_G</c>'s argument names: input_nc, output_nc, ngf,
/// netG (resnet_9blocks, resnet_6blocks, unet_256, unet_128), norm (instance, batch, none), use_dropout. State-dict
/// compatible with junyanz/pytorch-CycleGAN-and-pix2pix's <c>latest_net_G_A.pth</c>. The output is tanh in [-1, 1].
/// </summary>
public static class CycleGanFamily
{
    /// <summary>Family name.</summary>
    public const string Name = "cyclegan";

    /// <summary>Presets.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["junyanz"];

    /// <summary>What the generator of <paramref name="parameters"/> takes and gives.</summary>
    public static NetworkDescription Describe(NetworkParameters parameters)
    {
        var g = Read(parameters);
        return new NetworkDescription(g.InputNc, g.OutputNc, OutputActivation.Tanh, g.NetG switch
        {
            "unet_256" => 256,
            "unet_128" => 128,
            _ => 4,
        });
    }

    /// <summary>Builds the generator (fresh weights, eval mode).</summary>
    public static Module Create(NetworkParameters parameters)
    {
        var g = Read(parameters);
        return g.NetG switch
        {
            "resnet_9blocks" => new ResnetGenerator(g.InputNc, g.OutputNc, g.Ngf, g.Norm, g.UseDropout, 9),
            "resnet_6blocks" => new ResnetGenerator(g.InputNc, g.OutputNc, g.Ngf, g.Norm, g.UseDropout, 6),
            "unet_256" => new UnetGenerator(g.InputNc, g.OutputNc, 8, g.Ngf, g.Norm, g.UseDropout),
            _ => new UnetGenerator(g.InputNc, g.OutputNc, 7, g.Ngf, g.Norm, g.UseDropout),
        };
    }

    private static Generator Read(NetworkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var preset = NetworkParameters.CheckPreset(Name, p.Preset(Presets[0]), Presets);
        var g = new Generator(p.Int("input_nc", 3), p.Int("output_nc", 3), p.Int("ngf", 64),
            p.Choice("netG", "resnet_9blocks", "resnet_9blocks", "resnet_6blocks", "unet_256", "unet_128"),
            p.Choice("norm", "instance", "instance", "batch", "none"), p.Bool("use_dropout", false));
        p.ThrowIfUnused(Name, preset);
        if (g.InputNc < 1 || g.OutputNc < 1 || g.Ngf < 1)
        {
            throw new ArgumentException("input_nc, output_nc and ngf must be at least 1");
        }
        return g;
    }

    private sealed record Generator(int InputNc, int OutputNc, int Ngf, string NetG, string Norm, bool UseDropout);
}
