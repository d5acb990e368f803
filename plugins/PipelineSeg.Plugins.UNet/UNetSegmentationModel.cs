using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>A U-Net with loaded weights behind the plugin contract: softmax probabilities per class (or logits); dropout can be
/// switched on for the pipeline's Monte-Carlo passes.</summary>
/// <param name="manifest">The model's manifest entry.</param>
/// <param name="network">The loaded network in eval mode (owned).</param>
/// <param name="hasDropout">Whether the network has dropout to sample.</param>
public sealed class UNetSegmentationModel(ModelManifest manifest, Module network, bool hasDropout) : BuiltinNetworkModel(manifest, network)
{
    private readonly Softmax _softmax = new(1);

    /// <inheritdoc />
    public override void EnableStochasticMode(int seed)
    {
        if (!Manifest.Capabilities.MonteCarloDropout || !hasDropout)
        {
            throw new NotSupportedException($"model '{Manifest.Id}' has no dropout to sample (capabilities.monteCarloDropout is false)");
        }
        Network.EnableMonteCarloDropout(seed);
    }

    /// <inheritdoc />
    public override void DisableStochasticMode() => Network.DisableMonteCarloDropout();

    /// <inheritdoc />
    protected override void Emit(Tensor y, Span<float> output)
    {
        if (Manifest.Output.Kind == OutputKind.Logits)
        {
            y.Span.CopyTo(output);
            return;
        }
        using var probabilities = _softmax.Forward(y);
        probabilities.Span.CopyTo(output);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _softmax.Dispose();
        }
        base.Dispose(disposing);
    }
}
