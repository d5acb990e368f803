using PipelineSeg.Plugins.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch;

/// <summary>
/// Entry type of the TorchSharp backend plugin. A model runs from its TorchScript file (role <c>torchscript</c>, or role
/// <c>model</c> ending in .pt: <c>torch.jit.load</c>), or — for a native family it knows (NativeFamilies.Supported) — from the family
/// plugin's state dict rebuilt as TorchSharp modules, so <c>--backend torch --device cuda</c> runs native plugins on a GPU.
/// </summary>
public sealed class TorchBackend : IExecutionBackend
{
    /// <summary>File role of a TorchScript module shipped beside a native model's weights.</summary>
    public const string ScriptRole = "torchscript";

    /// <inheritdoc />
    public string Name => ExecutionBackends.Torch;

    /// <inheritdoc />
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var placement = TorchDevices.Resolve(context.Device);
        var type = TorchPrecision.Resolve(model, context.Precision, placement);
        if (context.MaxThreads > 0)
        {
            // LibTorch's intra-op pool is process-wide, like the builtin engine's kernel threads.
            torch.set_num_threads(context.MaxThreads);
        }
        cancellationToken.ThrowIfCancellationRequested();
        // A native family is rebuilt from its own state dict first (the same weights as the builtin engine); an exported
        // TorchScript file serves the rest.
        var script = FindScript(model);
        var network = NativeFamilies.Create(model, context, placement.Device)
            ?? (script is not null ? TorchNetwork.FromScript(model, context.ResolveFile(script.Path), placement.Device) : null)
            ?? throw new NotSupportedException(
                $"model '{model.Id}' has no TorchScript file (role '{ScriptRole}', or role 'model' ending in .pt) and family '{model.Family}' "
                + $"has no TorchSharp build ({string.Join(", ", NativeFamilies.Supported)}); tools/backends/export_model.py shows how to export one");
        try
        {
            if (type != ScalarType.Float32)
            {
                TorchPrecisionCheck.CastChecked(model, network, placement, type, context.Precision.Name());
            }
            TorchShapeCheck.Check(model, network, placement.Device);
            return new TorchSegmentationModel(model, network, placement);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static ModelFile? FindScript(ModelManifest model) =>
        model.FindFile(ScriptRole)
        ?? model.Files.FirstOrDefault(f => f.Role == "model" && f.Path.EndsWith(".pt", StringComparison.OrdinalIgnoreCase));
}
