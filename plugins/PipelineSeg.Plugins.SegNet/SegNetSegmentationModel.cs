using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>A SegNet behind the plugin contract: softmax over classes, or a regression map as two-class probabilities.</summary>
public sealed class SegNetSegmentationModel : ISegmentationModel
{
    private const int SlicesPerForward = 4;
    private readonly Module _network;
    private readonly bool _regression;

    /// <summary>Wraps a loaded network in eval mode.</summary>
    public SegNetSegmentationModel(ModelManifest manifest, Module network, bool regression)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(network);
        Manifest = manifest;
        _network = network;
        _regression = regression;
    }

    /// <inheritdoc />
    public ModelManifest Manifest { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceCount, 1);
        if (input.Length != Manifest.InputLength(sliceCount) || output.Length != Manifest.OutputLength(sliceCount))
        {
            throw new ArgumentException($"model '{Manifest.Id}': {sliceCount} slice(s) need {Manifest.InputLength(sliceCount)} input and {Manifest.OutputLength(sliceCount)} output values");
        }
        var spec = Manifest.Input;
        var (inPerSlice, outPerSlice, plane) = (Manifest.InputLength(1), Manifest.OutputLength(1), spec.Height * spec.Width);
        for (var start = 0; start < sliceCount; start += SlicesPerForward)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(SlicesPerForward, sliceCount - start);
            using var x = Tensor.FromSpan(input.Slice(start * inPerSlice, n * inPerSlice), [n, spec.Channels, spec.Height, spec.Width]);
            using var y = _network.Forward(x);
            var destination = output.Slice(start * outPerSlice, n * outPerSlice);
            if (_regression)
            {
                var values = y.Span;
                for (var s = 0; s < n; s++)
                {
                    for (var i = 0; i < plane; i++)
                    {
                        var p = Math.Clamp(values[s * plane + i], 0f, 1f);
                        destination[2 * s * plane + i] = 1f - p;
                        destination[(2 * s + 1) * plane + i] = p;
                    }
                }
            }
            else
            {
                using var probabilities = Functional.Softmax(y, 1);
                probabilities.Span.CopyTo(destination);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();
}
