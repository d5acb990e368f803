using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>
/// Plugin entry type for the SegNet family: builds the <see cref="SegNetFamily"/> preset the manifest's parameters name and
/// loads its "weights" file (safetensors or torch.save). Softmax networks give class probabilities; the naive symmetric
/// net's regression output p is clamped to [0, 1] and given as [1 − p, p] (two classes).
/// </summary>
public sealed class SegNetPlugin : ISegmentationModelPlugin, INetworkFactory
{
    /// <inheritdoc />
    public string Family => SegNetFamily.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Presets => SegNetFamily.Presets;

    /// <inheritdoc />
    public NetworkDescription Describe(NetworkParameters parameters) => SegNetFamily.Describe(parameters);

    /// <inheritdoc />
    public Module CreateNetwork(NetworkParameters parameters) => SegNetFamily.Create(parameters);

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        if (!ExecutionBackends.IsBuiltin(model.Backend) || model.Output.Kind != OutputKind.Probabilities)
        {
            throw new NotSupportedException($"model '{model.Id}': the SegNet plugin runs on the builtin engine and gives class probabilities");
        }
        var parameters = new NetworkParameters(model.Parameters);
        var description = SegNetFamily.Describe(parameters);
        var classes = description.Activation == OutputActivation.Softmax ? description.OutChannels : 2;
        if (description.InChannels != model.Input.Channels || classes != model.Output.Channels
            || model.Input.Height % description.SizeMultiple != 0 || model.Input.Width % description.SizeMultiple != 0)
        {
            throw new ArgumentException($"model '{model.Id}': the network takes {description.InChannels} channel(s) at multiples of {description.SizeMultiple} "
                + $"and gives {classes} class(es); the manifest says {model.Input.Channels}×{model.Input.Height}×{model.Input.Width} and {model.Output.Channels}");
        }
        if (context.MaxThreads > 0)
        {
            KernelThreading.MaxThreads = context.MaxThreads;
        }
        var weights = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no file with role 'weights'");
        cancellationToken.ThrowIfCancellationRequested();
        var network = SegNetFamily.Create(parameters);
        try
        {
            network.LoadWeights(context.ResolveFile(weights.Path));
            network.Eval();
            return new SegNetSegmentationModel(model, network, description.Activation == OutputActivation.Identity);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
