using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.Shared;

/// <summary>
/// A network on the builtin engine behind the plugin contract, as every family wraps it: one forward pass per batch on
/// [slices, channels, height, width] at the model's input size; the network (loaded, in eval mode) is owned and disposed
/// here. A family only says what the network's output becomes (<see cref="Emit"/>).
/// </summary>
public abstract class BuiltinNetworkModel : BatchedSegmentationModel
{
    /// <summary>Wraps <paramref name="network"/>, whose weights are loaded and which is in eval mode.</summary>
    protected BuiltinNetworkModel(ModelManifest manifest, Module network)
        : base(manifest)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The wrapped network.</summary>
    protected Module Network { get; }

    /// <inheritdoc />
    protected sealed override void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [sliceCount, spec.Channels, spec.Height, spec.Width]);
        using var y = Network.Forward(x);
        Emit(y, output);
    }

    /// <summary>Writes what the network gave for one batch (<paramref name="y"/>) as the contract's output: class probabilities, logits or an image.</summary>
    protected abstract void Emit(Tensor y, Span<float> output);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Network.Dispose();
        }
        base.Dispose(disposing);
    }
}
