using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// Plugin entry type for DeepLabV3: builds the <see cref="DeepLabFamily"/> network from the manifest's parameters, loads
/// its "weights" file (safetensors or torch.save) and, when the entry lists a file with role "critic", the SegAN critic
/// it was trained against (parameters <c>critic_base_width</c>, <c>critic_depth</c>; its input channels are the model's),
/// which the pipeline uses for <c>groundTruth.criticDistance</c>. Softmax class probabilities.
/// </summary>
public sealed class DeepLabPlugin() : BuiltinFamilyPlugin(DeepLabFamily.Name, DeepLabFamily.Presets,
    p => DeepLabFamily.Describe(NetworkOnly(p)), p => DeepLabFamily.Create(NetworkOnly(p)), "DeepLabV3", OutputKind.Probabilities)
{
    /// <summary>Prefix of the manifest parameters that describe the critic rather than the network.</summary>
    public const string CriticPrefix = "critic_";

    /// <inheritdoc />
    protected override Module Build(ModelManifest model)
    {
        var options = DeepLabFamily.Read(NetworkOnly(new NetworkParameters(model.Parameters)));
        if (options.InChannels != model.Input.Channels || options.NumClasses != model.Output.Channels)
        {
            throw new ArgumentException($"model '{model.Id}': the network takes {options.InChannels} channel(s) and gives {options.NumClasses} class(es); "
                + $"the manifest says {model.Input.Channels} and {model.Output.Channels}");
        }
        return new DeepLabV3(options);
    }

    /// <inheritdoc />
    protected override ISegmentationModel Wrap(ModelManifest model, Module network, ModelCreationContext context) =>
        new DeepLabSegmentationModel(model, network, model.FindFile("critic") is { } criticFile ? LoadCritic(model, context.ResolveFile(criticFile.Path)) : null);

    // The critic's parameters (critic_*) share the manifest's parameters with the network's; the family checks only its own.
    private static NetworkParameters NetworkOnly(NetworkParameters parameters) =>
        new(parameters.Values.Where(p => !p.Key.StartsWith(CriticPrefix, StringComparison.Ordinal)).ToDictionary());

    private static SegAnCriticDistance LoadCritic(ModelManifest model, string path)
    {
        var critic = new SegAnCritic(model.Input.Channels, model.GetInt32(CriticPrefix + "base_width", 16), model.GetInt32(CriticPrefix + "depth", 3));
        try
        {
            critic.LoadWeights(path);
            critic.Eval();
            return new SegAnCriticDistance(critic, model.Input.Height, model.Input.Width);
        }
        catch
        {
            critic.Dispose();
            throw;
        }
    }
}
