using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>A DeepLabV3 behind the plugin contract: softmax over the classes; offers its SegAN critic when it has one.</summary>
/// <param name="manifest">The model's manifest entry.</param>
/// <param name="network">The loaded network in eval mode (owned).</param>
/// <param name="critic">Its critic, or null (owned).</param>
public sealed class DeepLabSegmentationModel(ModelManifest manifest, Module network, SegAnCriticDistance? critic) : BuiltinNetworkModel(manifest, network)
{
    /// <inheritdoc />
    public override ISegmentationCritic? Critic => critic;

    /// <inheritdoc />
    protected override void Emit(Tensor y, Span<float> output)
    {
        using var probabilities = Functional.Softmax(y, 1);
        probabilities.Span.CopyTo(output);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            critic?.Dispose();
        }
        base.Dispose(disposing);
    }
}
