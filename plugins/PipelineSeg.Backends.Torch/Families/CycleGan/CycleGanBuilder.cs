using PipelineSeg.Plugins.Abstractions;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>
/// The CycleGAN plugin's generators (preset junyanz, define_G's names and defaults: input_nc 3, output_nc 3, ngf 64,
/// netG resnet_9blocks | resnet_6blocks | unet_256 | unet_128, norm instance | batch | none, use_dropout false). As
/// GeneratorSegmentationModel: kind probabilities maps the tanh mask y to [1 − p, p], p = clamp((y + 1) / 2); kind image
/// gives y unchanged. LGAN generators are U-Nets (family unet, preset variant), not built here.
/// </summary>
internal sealed class CycleGanBuilder : INativeFamilyBuilder
{
    public string Supports => "cyclegan (preset junyanz: resnet_9blocks, resnet_6blocks, unet_256, unet_128)";

    public bool Accepts(ModelManifest model) =>
        model.Family == "cyclegan" && model.Parameters.GetValueOrDefault("preset", "junyanz") == "junyanz";

    public NativeNetwork Build(ModelManifest model)
    {
        var (inputNc, outputNc, ngf) = (model.GetInt32("input_nc", 3), model.GetInt32("output_nc", 3), model.GetInt32("ngf", 64));
        var (netG, norm) = (model.Parameters.GetValueOrDefault("netG", "resnet_9blocks"), model.Parameters.GetValueOrDefault("norm", "instance"));
        var dropout = bool.Parse(model.Parameters.GetValueOrDefault("use_dropout", "false"));
        if (inputNc < 1 || outputNc < 1 || ngf < 1)
        {
            throw new ArgumentException($"model '{model.Id}': input_nc, output_nc and ngf must be at least 1");
        }
        nn.Module<Tensor, Tensor> generator = netG switch
        {
            "resnet_9blocks" => new TorchResnetGenerator(inputNc, outputNc, ngf, norm, dropout, 9),
            "resnet_6blocks" => new TorchResnetGenerator(inputNc, outputNc, ngf, norm, dropout, 6),
            "unet_256" => new TorchUnetGenerator(inputNc, outputNc, 8, ngf, norm, dropout),
            "unet_128" => new TorchUnetGenerator(inputNc, outputNc, 7, ngf, norm, dropout),
            _ => throw new ArgumentException($"model '{model.Id}': parameter 'netG' = '{netG}': one of resnet_9blocks, resnet_6blocks, unet_256, unet_128"),
        };
        var output = model.Output.Kind == OutputKind.Probabilities ? OutputHeads.ForegroundToTwoClasses(0.5, 0.5) : y => y;
        return new NativeNetwork(generator, output, $"CycleGAN generator ({netG})");
    }
}
