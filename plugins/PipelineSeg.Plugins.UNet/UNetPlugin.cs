using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// Plugin entry type: builds the network from the manifest's parameters — a <see cref="UNetFamily"/> preset when they
/// name one, else the <see cref="UNetModule"/> of tools/training/unet.py (baseWidth, depth, dropout) — and loads the file
/// listed with role "weights" (safetensors or torch.save, strict: every key must match the reference).
/// </summary>
public sealed class UNetPlugin : ISegmentationModelPlugin, INetworkFactory
{
    /// <inheritdoc />
    public string Family => UNetFamily.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Presets => UNetFamily.Presets;

    /// <inheritdoc />
    public NetworkDescription Describe(NetworkParameters parameters) => UNetFamily.Describe(parameters);

    /// <inheritdoc />
    public Module CreateNetwork(NetworkParameters parameters) => UNetFamily.Create(parameters);

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        if (model.Output.Kind is not (OutputKind.Probabilities or OutputKind.Logits))
        {
            throw new NotSupportedException($"model '{model.Id}': the U-Net produces class probabilities or logits, not {model.Output.Kind}");
        }
        if (!ExecutionBackends.IsBuiltin(model.Backend))
        {
            throw new NotSupportedException($"model '{model.Id}': the U-Net plugin builds networks on the builtin engine, not on backend '{model.Backend}'");
        }
        ApplyThreads(context.MaxThreads);
        var weights = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no file with role 'weights'");
        cancellationToken.ThrowIfCancellationRequested();
        var (network, dropout) = Build(model);
        try
        {
            network.LoadWeights(context.ResolveFile(weights.Path));
            network.Eval();
            return new UNetSegmentationModel(model, network, dropout);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static (Module Network, bool Dropout) Build(ModelManifest model)
    {
        if (!model.Parameters.ContainsKey(NetworkParameters.PresetKey))
        {
            var options = UNetOptions.FromManifest(model);
            return (new UNetModule(options), options.Dropout > 0);
        }
        var parameters = new NetworkParameters(model.Parameters);
        var description = UNetFamily.Describe(parameters);
        if (description.InChannels != model.Input.Channels || description.OutChannels != model.Output.Channels)
        {
            throw new ArgumentException($"model '{model.Id}': the network takes {description.InChannels} and gives {description.OutChannels} channel(s), "
                + $"the manifest says input.channels {model.Input.Channels} and {model.Output.Channels} output class(es)");
        }
        if (model.Input.Height % description.SizeMultiple != 0 || model.Input.Width % description.SizeMultiple != 0)
        {
            throw new ArgumentException($"model '{model.Id}': input {model.Input.Height}×{model.Input.Width} must be a multiple of {description.SizeMultiple}");
        }
        var network = UNetFamily.Create(new NetworkParameters(model.Parameters));
        return (network, network is UNetModule { Options.Dropout: > 0 });
    }

    /// <summary>
    /// Inference:MaxThreads reaches the engine here: kernel threading is process-wide and the host shares the engine with
    /// this plugin, so the budget holds for every builtin model. 0 leaves the engine's default (all cores).
    /// </summary>
    internal static void ApplyThreads(int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        if (maxThreads > 0)
        {
            KernelThreading.MaxThreads = maxThreads;
        }
    }
}
