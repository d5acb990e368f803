using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>
/// Plugin entry type for the SegNet family: builds the <see cref="SegNetFamily"/> preset the manifest's parameters name and
/// loads its "weights" file (safetensors or torch.save). Softmax networks give class probabilities; the naive symmetric
/// net's regression output p is clamped to [0, 1] and given as [1 − p, p] (two classes).
/// </summary>
public sealed class SegNetPlugin() : BuiltinFamilyPlugin(SegNetFamily.Name, SegNetFamily.Presets, SegNetFamily.Describe, SegNetFamily.Create, "SegNet",
    OutputKind.Probabilities)
{
    /// <inheritdoc />
    protected override Module Build(ModelManifest model)
    {
        var parameters = new NetworkParameters(model.Parameters);
        var description = SegNetFamily.Describe(parameters);
        var classes = description.Activation == OutputActivation.Softmax ? description.OutChannels : 2;
        if (description.InChannels != model.Input.Channels || classes != model.Output.Channels
            || model.Input.Height % description.SizeMultiple != 0 || model.Input.Width % description.SizeMultiple != 0)
        {
            throw new ArgumentException($"model '{model.Id}': the network takes {description.InChannels} channel(s) at multiples of {description.SizeMultiple} "
                + $"and gives {classes} class(es); the manifest says {model.Input.Channels}×{model.Input.Height}×{model.Input.Width} and {model.Output.Channels}");
        }
        return SegNetFamily.Create(parameters);
    }

    /// <inheritdoc />
    protected override ISegmentationModel Wrap(ModelManifest model, Module network, ModelCreationContext context) =>
        new SegNetSegmentationModel(model, network, SegNetFamily.Describe(new NetworkParameters(model.Parameters)).Activation == OutputActivation.Identity);
}
