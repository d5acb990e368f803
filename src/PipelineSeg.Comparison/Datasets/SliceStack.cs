namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// N two-dimensional slices read from an array (npy file or HDF5 dataset) as float values, slice-major, rows of
/// <see cref="Width"/>. Accepted shapes: N×H×W, N×H×W×1 (NHWC) and N×1×H×W (NCHW).
/// </summary>
internal sealed class SliceStack
{
    private SliceStack(string source, float[] values, int count, int height, int width) =>
        (Source, Values, Count, Height, Width) = (source, values, count, height, width);

    /// <summary>The file (and dataset) the values came from, for messages and case ids.</summary>
    public string Source { get; }

    /// <summary>All values, slice after slice.</summary>
    public float[] Values { get; }

    /// <summary>Slices.</summary>
    public int Count { get; }

    /// <summary>Rows per slice.</summary>
    public int Height { get; }

    /// <summary>Columns per slice.</summary>
    public int Width { get; }

    /// <summary>The values of slice <paramref name="n"/>.</summary>
    public ReadOnlySpan<float> Slice(int n) => Values.AsSpan(n * Height * Width, Height * Width);

    /// <summary>A stack from <paramref name="values"/> of <paramref name="shape"/>; throws naming <paramref name="source"/> for any other shape.</summary>
    public static SliceStack Create(string source, float[] values, IReadOnlyList<long> shape)
    {
        var (n, h, w) = shape.Count switch
        {
            3 => (shape[0], shape[1], shape[2]),
            4 when shape[3] == 1 => (shape[0], shape[1], shape[2]),
            4 when shape[1] == 1 => (shape[0], shape[2], shape[3]),
            _ => throw new InvalidDataException(
                $"{source}: shape ({string.Join(", ", shape)}) is not N×H×W, N×H×W×1 or N×1×H×W (one channel)"),
        };
        if (n < 1 || h < 1 || w < 1 || n * h * w != values.Length)
        {
            throw new InvalidDataException($"{source}: shape ({string.Join(", ", shape)}) holds no slice or does not match its {values.Length} values");
        }
        return new SliceStack(source, values, (int)n, (int)h, (int)w);
    }
}
