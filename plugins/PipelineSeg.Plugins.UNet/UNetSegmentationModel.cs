using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>A U-Net with loaded weights behind the plugin contract: softmax probabilities per class (or logits); dropout can be
/// switched on for the pipeline's Monte-Carlo passes.</summary>
public sealed class UNetSegmentationModel : BatchedSegmentationModel
{
    private readonly Module _network;
    private readonly bool _hasDropout;
    private readonly Softmax _softmax = new(1);

    /// <summary>Wraps a network whose weights are loaded and which is in eval mode.</summary>
    public UNetSegmentationModel(ModelManifest manifest, Module network, bool hasDropout)
        : base(manifest)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _hasDropout = hasDropout;
    }

    /// <inheritdoc />
    public override void EnableStochasticMode(int seed)
    {
        if (!Manifest.Capabilities.MonteCarloDropout || !_hasDropout)
        {
            throw new NotSupportedException($"model '{Manifest.Id}' has no dropout to sample (capabilities.monteCarloDropout is false)");
        }
        _network.EnableMonteCarloDropout(seed);
    }

    /// <inheritdoc />
    public override void DisableStochasticMode() => _network.DisableMonteCarloDropout();

    /// <inheritdoc />
    protected override void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [sliceCount, spec.Channels, spec.Height, spec.Width]);
        using var logits = _network.Forward(x);
        if (Manifest.Output.Kind == OutputKind.Logits)
        {
            logits.Span.CopyTo(output);
            return;
        }
        using var probabilities = _softmax.Forward(logits);
        probabilities.Span.CopyTo(output);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
            _softmax.Dispose();
        }
        base.Dispose(disposing);
    }
}
