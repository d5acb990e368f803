using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>
/// Plugin entry type for CycleGAN/pix2pix generators used as segmenters (a generator translating an image into its mask,
/// as in LGAN-style training): builds the <see cref="CycleGanFamily"/> network from the manifest's parameters and loads
/// the "weights" file (safetensors or torch.save). Output kind "probabilities" with two classes maps tanh to
/// [1 − p, p] with p = (y + 1) / 2; kind "image" returns the tanh output as is.
/// </summary>
public sealed class CycleGanPlugin : ISegmentationModelPlugin, INetworkFactory
{
    /// <inheritdoc />
    public string Family => CycleGanFamily.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Presets => CycleGanFamily.Presets;

    /// <inheritdoc />
    public NetworkDescription Describe(NetworkParameters parameters) => CycleGanFamily.Describe(parameters);

    /// <inheritdoc />
    public Module CreateNetwork(NetworkParameters parameters) => CycleGanFamily.Create(parameters);

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        if (!ExecutionBackends.IsBuiltin(model.Backend))
        {
            throw new NotSupportedException($"model '{model.Id}': the CycleGAN plugin builds networks on the builtin engine, not on backend '{model.Backend}'");
        }
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
        if (context.MaxThreads > 0)
        {
            KernelThreading.MaxThreads = context.MaxThreads;
        }
        var weights = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no file with role 'weights'");
        cancellationToken.ThrowIfCancellationRequested();
        var network = CycleGanFamily.Create(parameters);
        try
        {
            network.LoadWeights(context.ResolveFile(weights.Path));
            network.Eval();
            return new GeneratorSegmentationModel(model, network, mask);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
