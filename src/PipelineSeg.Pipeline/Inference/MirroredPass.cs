namespace PipelineSeg.Pipeline.Inference;

/// <summary>One test-time flip: the inner pass on the input mirrored left-right and/or top-bottom, its output mirrored back.</summary>
public sealed class MirroredPass(IProbabilityPass inner, int channels, int width, int height, bool mirrorX, bool mirrorY) : IProbabilityPass
{
    private readonly IProbabilityPass _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public int Classes => _inner.Classes;

    /// <summary>Mirrored left-right.</summary>
    public bool MirrorX => mirrorX;

    /// <summary>Mirrored top-bottom.</summary>
    public bool MirrorY => mirrorY;

    /// <inheritdoc />
    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        var flippedInput = input.ToArray();
        Mirror(flippedInput, sliceCount * channels, width, height, mirrorX, mirrorY);
        _inner.Run(flippedInput, sliceCount, probabilities, cancellationToken);
        // mirroring is its own inverse
        Mirror(probabilities, sliceCount * Classes, width, height, mirrorX, mirrorY);
    }

    /// <summary>Mirrors each of <paramref name="planes"/> H×W planes of <paramref name="data"/> along x and/or y, in place.</summary>
    internal static void Mirror(Span<float> data, int planes, int width, int height, bool x, bool y)
    {
        var plane = width * height;
        var row = new float[width];
        for (var p = 0; p < planes; p++)
        {
            var block = data.Slice(p * plane, plane);
            for (var r = 0; y && r < height / 2; r++)
            {
                var top = block.Slice(r * width, width);
                var bottom = block.Slice((height - 1 - r) * width, width);
                top.CopyTo(row);
                bottom.CopyTo(top);
                row.CopyTo(bottom);
            }
            for (var r = 0; x && r < height; r++)
            {
                block.Slice(r * width, width).Reverse();
            }
        }
    }
}
