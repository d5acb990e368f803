namespace PipelineSeg.Imaging.Resampling;

/// <summary>
/// Bilinear resampling of one slice onto another one-slice grid whose axes are parallel to the source's (target x moves
/// along source x only, y along y), as two <see cref="AxisTable"/>s. Gives the same floats as
/// <see cref="Resampler.Resample{T}"/> with <see cref="Interpolation.Linear"/> on one-slice volumes at a fraction of
/// the cost (no per-voxel geometry, no copies), and exposes the taps so callers can decide whole cells at once.
/// </summary>
public sealed class PlaneMap
{
    private PlaneMap(AxisTable x, AxisTable y, bool inside, int sourceWidth, int sourceHeight)
    {
        (X, Y, InsideSlice, SourceWidth, SourceHeight) = (x, y, inside, sourceWidth, sourceHeight);
    }

    /// <summary>Taps along target x.</summary>
    public AxisTable X { get; }

    /// <summary>Taps along target y.</summary>
    public AxisTable Y { get; }

    /// <summary>Whether the target slice lies within the source slice's plane (else every voxel is outside).</summary>
    public bool InsideSlice { get; }

    /// <summary>Source columns.</summary>
    public int SourceWidth { get; }

    /// <summary>Source rows.</summary>
    public int SourceHeight { get; }

    /// <summary>
    /// The map from a <paramref name="sourceWidth"/> × <paramref name="sourceHeight"/> slice placed at
    /// <paramref name="source"/> onto a <paramref name="width"/> × <paramref name="height"/> slice at
    /// <paramref name="target"/>; null when the axes are not parallel to the last bit (oblique maps go through
    /// <see cref="Resampler"/>).
    /// </summary>
    public static PlaneMap? TryCreate(int sourceWidth, int sourceHeight, VolumeGeometry source, int width, int height, VolumeGeometry target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        // the continuous source index, as Resampler composes it: a + bx·x + by·y (+ bz·0)
        var a = source.WorldToIndex(target.IndexToWorld(0, 0, 0));
        var bx = source.WorldToIndex(target.IndexToWorld(1, 0, 0)) - a;
        var by = source.WorldToIndex(target.IndexToWorld(0, 1, 0)) - a;
        var bz = source.WorldToIndex(target.IndexToWorld(0, 0, 1)) - a;
        if (bx.Y != 0 || bx.Z != 0 || by.X != 0 || by.Z != 0)
        {
            return null;
        }
        var start = a + (bz * 0);
        var xs = new double[width];
        for (var x = 0; x < width; x++)
        {
            xs[x] = (start + (bx * x)).X;
        }
        var ys = new double[height];
        for (var y = 0; y < height; y++)
        {
            ys[y] = (a + (by * y) + (bz * 0)).Y;
        }
        var z = start.Z;
        return new PlaneMap(AxisTable.From(xs, sourceWidth), AxisTable.From(ys, sourceHeight), !(z < -1e-6 || z > 1e-6), sourceWidth, sourceHeight);
    }

    /// <summary>The bilinear value at target (x, y) of an inside voxel (both axes inside).</summary>
    public float Sample(ReadOnlySpan<float> source, int x, int y)
    {
        var (ax, ay) = (X, Y);
        int x0 = ax.Lower[x], x1 = ax.Upper[x];
        var row0 = source.Slice(ay.Lower[y] * SourceWidth, SourceWidth);
        var row1 = source.Slice(ay.Upper[y] * SourceWidth, SourceWidth);
        double fx = ax.Weight[x], gx = ax.Complement[x];
        var c00 = (row0[x0] * gx) + (row0[x1] * fx);
        var c10 = (row1[x0] * gx) + (row1[x1] * fx);
        return (float)((c00 * ay.Complement[y]) + (c10 * ay.Weight[y]));
    }

    /// <summary>Resamples <paramref name="source"/> into <paramref name="target"/> (width × height); voxels outside get <paramref name="outside"/>.</summary>
    public void Apply(ReadOnlySpan<float> source, Span<float> target, float outside)
    {
        var (ax, ay) = (X, Y);
        var width = ax.Length;
        if (source.Length != SourceWidth * SourceHeight || target.Length != width * ay.Length)
        {
            throw new ArgumentException($"need {SourceWidth}×{SourceHeight} source and {width}×{ay.Length} target values");
        }
        for (var y = 0; y < ay.Length; y++)
        {
            var row = target.Slice(y * width, width);
            if (!InsideSlice || !ay.Inside[y])
            {
                row.Fill(outside);
                continue;
            }
            var row0 = source.Slice(ay.Lower[y] * SourceWidth, SourceWidth);
            var row1 = source.Slice(ay.Upper[y] * SourceWidth, SourceWidth);
            double fy = ay.Weight[y], gy = ay.Complement[y];
            for (var x = 0; x < width; x++)
            {
                if (!ax.Inside[x])
                {
                    row[x] = outside;
                    continue;
                }
                int x0 = ax.Lower[x], x1 = ax.Upper[x];
                double fx = ax.Weight[x], gx = ax.Complement[x];
                // same operations, same order as Resampler.SampleLinear (its z step is exact on one slice)
                var c00 = (row0[x0] * gx) + (row0[x1] * fx);
                var c10 = (row1[x0] * gx) + (row1[x1] * fx);
                row[x] = (float)((c00 * gy) + (c10 * fy));
            }
        }
    }
}
