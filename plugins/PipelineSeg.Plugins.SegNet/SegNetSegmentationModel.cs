using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>A SegNet behind the plugin contract: softmax over classes, or a regression map as two-class probabilities.</summary>
/// <param name="manifest">The model's manifest entry.</param>
/// <param name="network">The loaded network in eval mode (owned).</param>
/// <param name="regression">True when the network gives one foreground map (the naive symmetric net).</param>
public sealed class SegNetSegmentationModel(ModelManifest manifest, Module network, bool regression) : BuiltinNetworkModel(manifest, network)
{
    /// <inheritdoc />
    protected override void Emit(Tensor y, Span<float> output)
    {
        if (regression)
        {
            ForegroundToTwoClasses(y.Span, output, Manifest.Input.Height * Manifest.Input.Width, 1f, 0f);
            return;
        }
        using var probabilities = Functional.Softmax(y, 1);
        probabilities.Span.CopyTo(output);
    }
}
