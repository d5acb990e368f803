using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>
/// Plugin entry type for CycleGAN/pix2pix generators used as segmenters (a generator translating an image into its mask,
/// as in LGAN-style training): builds the <see cref="CycleGanFamily"/> network from the manifest's parameters and loads
/// the "weights" file (safetensors or torch.save). Output kind "probabilities" with two classes maps tanh to
/// [1 − p, p] with p = (y + 1) / 2; kind "image" returns the tanh output as is.
/// </summary>
public sealed class CycleGanPlugin() : BuiltinFamilyPlugin(CycleGanFamily.Name, CycleGanFamily.Presets, CycleGanFamily.Describe, CycleGanFamily.Create, "CycleGAN",
    OutputKind.Probabilities, OutputKind.Image)
{
    /// <inheritdoc />
    protected override Module Build(ModelManifest model)
    {
        var parameters = new NetworkParameters(model.Parameters);
        var description = CycleGanFamily.Describe(parameters);
        var mask = model.Output.Kind == OutputKind.Probabilities;
        if (mask ? description.OutChannels != 1 || model.Output.Channels != 2 : model.Output.Kind != OutputKind.Image || model.Output.Channels != description.OutChannels)
        {
            throw new NotSupportedException($"model '{model.Id}': a generator with output_nc {description.OutChannels} serves output kind 'probabilities' "
                + "with 2 classes (output_nc 1, tanh mapped to a mask) or kind 'image' with output_nc channels");
        }
        if (description.InChannels != model.Input.Channels || model.Input.Height % description.SizeMultiple != 0 || model.Input.Width % description.SizeMultiple != 0)
        {
            throw new ArgumentException($"model '{model.Id}': input {model.Input.Channels}×{model.Input.Height}×{model.Input.Width} does not fit input_nc "
                + $"{description.InChannels} and sizes that are a multiple of {description.SizeMultiple}");
        }
        return CycleGanFamily.Create(parameters);
    }

    /// <inheritdoc />
    protected override ISegmentationModel Wrap(ModelManifest model, Module network, ModelCreationContext context) =>
        new GeneratorSegmentationModel(model, network, mask: model.Output.Kind == OutputKind.Probabilities);
}
