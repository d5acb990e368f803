using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>A generator behind the plugin contract: tanh output as an image, or as a two-class mask probability
/// [1 − p, p] with p = (y + 1) / 2 clamped to [0, 1].</summary>
public sealed class GeneratorSegmentationModel : BatchedSegmentationModel
{
    private readonly Module _network;
    private readonly bool _mask;

    /// <summary>Wraps a loaded generator in eval mode.</summary>
    public GeneratorSegmentationModel(ModelManifest manifest, Module network, bool mask)
        : base(manifest)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _mask = mask;
    }

    /// <inheritdoc />
    protected override void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [sliceCount, spec.Channels, spec.Height, spec.Width]);
        using var y = _network.Forward(x);
        if (_mask)
        {
            ForegroundToTwoClasses(y.Span, output, spec.Height * spec.Width, 0.5f, 0.5f);
        }
        else
        {
            y.Span.CopyTo(output);
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
