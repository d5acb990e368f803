using PipelineSeg.Nn;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>A U-Net with loaded weights behind the plugin contract: softmax probabilities per class; dropout can be
/// switched on for the pipeline's Monte-Carlo passes.</summary>
public sealed class UNetSegmentationModel : ISegmentationModel
{
    private const int SlicesPerForward = 4;
    private readonly Module _network;
    private readonly bool _hasDropout;
    private readonly Softmax _softmax = new(1);

    /// <summary>Wraps a network whose weights are loaded and which is in eval mode.</summary>
    public UNetSegmentationModel(ModelManifest manifest, Module network, bool hasDropout)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(network);
        Manifest = manifest;
        _network = network;
        _hasDropout = hasDropout;
    }

    /// <inheritdoc />
    public ModelManifest Manifest { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        CheckLengths(input, sliceCount, output);
        var inPerSlice = Manifest.InputLength(1);
        var outPerSlice = Manifest.OutputLength(1);
        for (var start = 0; start < sliceCount; start += SlicesPerForward)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(SlicesPerForward, sliceCount - start);
            Forward(input.Slice(start * inPerSlice, n * inPerSlice), n, output.Slice(start * outPerSlice, n * outPerSlice));
        }
    }

    /// <inheritdoc />
    public void EnableStochasticMode(int seed)
    {
        if (!Manifest.Capabilities.MonteCarloDropout || !_hasDropout)
        {
            throw new NotSupportedException($"model '{Manifest.Id}' has no dropout to sample (capabilities.monteCarloDropout is false)");
        }
        _network.EnableMonteCarloDropout(seed);
    }

    /// <inheritdoc />
    public void DisableStochasticMode() => _network.DisableMonteCarloDropout();

    /// <inheritdoc />
    public void Dispose()
    {
        _network.Dispose();
        _softmax.Dispose();
    }

    private void Forward(ReadOnlySpan<float> input, int n, Span<float> output)
    {
        var spec = Manifest.Input;
        using var x = Tensor.FromSpan(input, [n, spec.Channels, spec.Height, spec.Width]);
        using var logits = _network.Forward(x);
        if (Manifest.Output.Kind == OutputKind.Logits)
        {
            logits.Span.CopyTo(output);
            return;
        }
        using var probabilities = _softmax.Forward(logits);
        probabilities.Span.CopyTo(output);
    }

    private void CheckLengths(ReadOnlySpan<float> input, int sliceCount, Span<float> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceCount, 1);
        if (input.Length != Manifest.InputLength(sliceCount))
        {
            throw new ArgumentException($"model '{Manifest.Id}': input for {sliceCount} slice(s) of {Manifest.Input.Channels}×{Manifest.Input.Height}×{Manifest.Input.Width} needs {Manifest.InputLength(sliceCount)} values, got {input.Length}", nameof(input));
        }
        if (output.Length != Manifest.OutputLength(sliceCount))
        {
            throw new ArgumentException($"model '{Manifest.Id}': output needs {Manifest.OutputLength(sliceCount)} values, got {output.Length}", nameof(output));
        }
    }
}
