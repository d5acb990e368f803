using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>A SegNet behind the plugin contract: softmax over classes, or a regression map as two-class probabilities.</summary>
public sealed class SegNetSegmentationModel : BatchedSegmentationModel
{
    private readonly Module _network;
    private readonly bool _regression;

    /// <summary>Wraps a loaded network in eval mode.</summary>
    public SegNetSegmentationModel(ModelManifest manifest, Module network, bool regression)
        : base(manifest)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _regression = regression;
    }

    /// <inheritdoc />
    protected override void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [sliceCount, spec.Channels, spec.Height, spec.Width]);
        using var y = _network.Forward(x);
        if (_regression)
        {
            ForegroundToTwoClasses(y.Span, output, spec.Height * spec.Width, 1f, 0f);
        }
        else
        {
            using var probabilities = Functional.Softmax(y, 1);
            probabilities.Span.CopyTo(output);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
        }
        base.Dispose(disposing);
    }
}
