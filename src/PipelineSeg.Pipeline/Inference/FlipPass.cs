namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Test-time augmentation: runs the inner pass on the input as is and mirrored left-right, top-bottom and both, flips
/// each output back and averages. Only for models trained with flips (capabilities.testTimeFlips).
/// </summary>
public sealed class FlipPass(IProbabilityPass inner, int channels, int width, int height) : IProbabilityPass
{
    private static readonly (bool X, bool Y)[] Flips = [(false, false), (true, false), (false, true), (true, true)];
    private readonly IProbabilityPass _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public int Classes => _inner.Classes;

    /// <summary>The four flips as separate passes (as is, left-right, top-bottom, both), for their disagreement.</summary>
    public IReadOnlyList<IProbabilityPass> Variants => [.. Flips.Select(f => new MirroredPass(_inner, channels, width, height, f.X, f.Y))];

    /// <inheritdoc />
    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        probabilities.Clear();
        var flippedInput = new float[input.Length];
        var output = new float[probabilities.Length];
        foreach (var (x, y) in Flips)
        {
            cancellationToken.ThrowIfCancellationRequested();
            input.CopyTo(flippedInput);
            MirrorInPlace(flippedInput, sliceCount * channels, x, y);
            _inner.Run(flippedInput, sliceCount, output, cancellationToken);
            // Mirroring is its own inverse: flip the output back, then accumulate.
            MirrorInPlace(output, sliceCount * Classes, x, y);
            System.Numerics.Tensors.TensorPrimitives.Add(probabilities, output, probabilities);
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(probabilities, 1f / Flips.Length, probabilities);
    }

    /// <summary>Mirrors each of <paramref name="planes"/> H×W planes of <paramref name="data"/> along x and/or y, in place.</summary>
    internal void MirrorInPlace(Span<float> data, int planes, bool x, bool y) => MirroredPass.Mirror(data, planes, width, height, x, y);
}
