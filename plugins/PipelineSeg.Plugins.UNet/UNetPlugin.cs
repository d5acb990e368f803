using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// Plugin entry type: builds a <see cref="UNetModule"/> from the manifest's parameters and loads the safetensors file
/// listed with role "weights" (strict: every key must match tools/training/unet.py).
/// </summary>
public sealed class UNetPlugin : ISegmentationModelPlugin
{
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
        var options = UNetOptions.FromManifest(model);
        var weights = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no file with role 'weights'");
        cancellationToken.ThrowIfCancellationRequested();
        var network = new UNetModule(options);
        try
        {
            network.LoadSafetensors(context.ResolveFile(weights.Path));
            network.Eval();
            return new UNetSegmentationModel(model, network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
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
