using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>A DeepLabV3 behind the plugin contract: softmax over the classes; offers its SegAN critic when it has one.</summary>
public sealed class DeepLabSegmentationModel : BatchedSegmentationModel
{
    private readonly Module _network;
    private readonly SegAnCriticDistance? _critic;

    /// <summary>Wraps a loaded network in eval mode and, optionally, its critic (both owned).</summary>
    public DeepLabSegmentationModel(ModelManifest manifest, Module network, SegAnCriticDistance? critic)
        : base(manifest)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _critic = critic;
    }

    /// <inheritdoc />
    public override ISegmentationCritic? Critic => _critic;

    /// <inheritdoc />
    protected override void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [sliceCount, spec.Channels, spec.Height, spec.Width]);
        using var logits = _network.Forward(x);
        using var probabilities = Functional.Softmax(logits, 1);
        probabilities.Span.CopyTo(output);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
            _critic?.Dispose();
        }
        base.Dispose(disposing);
    }
}
