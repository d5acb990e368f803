using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>A generator behind the plugin contract: tanh output as an image, or as a two-class mask probability.</summary>
public sealed class GeneratorSegmentationModel : ISegmentationModel
{
    private const int SlicesPerForward = 4;
    private readonly Module _network;
    private readonly bool _mask;

    /// <summary>Wraps a loaded generator in eval mode.</summary>
    public GeneratorSegmentationModel(ModelManifest manifest, Module network, bool mask)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(network);
        Manifest = manifest;
        _network = network;
        _mask = mask;
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
        var inPerSlice = Manifest.InputLength(1);
        var outPerSlice = Manifest.OutputLength(1);
        for (var start = 0; start < sliceCount; start += SlicesPerForward)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(SlicesPerForward, sliceCount - start);
            using var x = Tensor.FromSpan(input.Slice(start * inPerSlice, n * inPerSlice), [n, spec.Channels, spec.Height, spec.Width]);
            using var y = _network.Forward(x);
            var destination = output.Slice(start * outPerSlice, n * outPerSlice);
            if (_mask)
            {
                ToMask(y.Span, destination, spec.Height * spec.Width);
            }
            else
            {
                y.Span.CopyTo(destination);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();

    /// <summary>tanh in [-1, 1] per pixel to [background, foreground] = [1 − p, p], p = (y + 1) / 2 clamped to [0, 1].</summary>
    private static void ToMask(ReadOnlySpan<float> tanh, Span<float> output, int plane)
    {
        for (var s = 0; s < tanh.Length / plane; s++)
        {
            for (var i = 0; i < plane; i++)
            {
                var p = Math.Clamp((tanh[s * plane + i] + 1f) * 0.5f, 0f, 1f);
                output[(2 * s) * plane + i] = 1f - p;
                output[(2 * s + 1) * plane + i] = p;
            }
        }
    }
}
