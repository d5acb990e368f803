using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Shared;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>A generator behind the plugin contract: tanh output as an image, or as a two-class mask probability
/// [1 − p, p] with p = (y + 1) / 2 clamped to [0, 1].</summary>
/// <param name="manifest">The model's manifest entry.</param>
/// <param name="network">The loaded generator in eval mode (owned).</param>
/// <param name="mask">True for the two-class mask, false for the image.</param>
public sealed class GeneratorSegmentationModel(ModelManifest manifest, Module network, bool mask) : BuiltinNetworkModel(manifest, network)
{
    /// <inheritdoc />
    protected override void Emit(Tensor y, Span<float> output)
    {
        if (mask)
        {
            ForegroundToTwoClasses(y.Span, output, Manifest.Input.Height * Manifest.Input.Width, 0.5f, 0.5f);
        }
        else
        {
            y.Span.CopyTo(output);
        }
    }
}
