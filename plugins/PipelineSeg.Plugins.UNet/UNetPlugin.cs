using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// Plugin entry type: builds the network from the manifest's parameters — a <see cref="UNetFamily"/> preset when they
/// name one, else the <see cref="UNetModule"/> of tools/training/unet.py (baseWidth, depth, dropout) — and loads the file
/// listed with role "weights" (safetensors or torch.save, strict: every key must match the reference).
/// </summary>
public sealed class UNetPlugin() : BuiltinFamilyPlugin(UNetFamily.Name, UNetFamily.Presets, UNetFamily.Describe, UNetFamily.Create, "U-Net",
    OutputKind.Probabilities, OutputKind.Logits)
{
    /// <inheritdoc />
    protected override Module Build(ModelManifest model)
    {
        if (!model.Parameters.ContainsKey(NetworkParameters.PresetKey))
        {
            return new UNetModule(UNetOptions.FromManifest(model));
        }
        var description = UNetFamily.Describe(new NetworkParameters(model.Parameters));
        if (description.InChannels != model.Input.Channels || description.OutChannels != model.Output.Channels)
        {
            throw new ArgumentException($"model '{model.Id}': the network takes {description.InChannels} and gives {description.OutChannels} channel(s), "
                + $"the manifest says input.channels {model.Input.Channels} and {model.Output.Channels} output class(es)");
        }
        if (model.Input.Height % description.SizeMultiple != 0 || model.Input.Width % description.SizeMultiple != 0)
        {
            throw new ArgumentException($"model '{model.Id}': input {model.Input.Height}×{model.Input.Width} must be a multiple of {description.SizeMultiple}");
        }
        return UNetFamily.Create(new NetworkParameters(model.Parameters));
    }

    /// <inheritdoc />
    protected override ISegmentationModel Wrap(ModelManifest model, Module network, ModelCreationContext context) =>
        new UNetSegmentationModel(model, network, network is UNetModule { Options.Dropout: > 0 });
}
