using System.Globalization;
using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>The voxel count and centroid (voxel indices x, y, z on the source grid) of a 0/1 mask.</summary>
public readonly record struct MaskFigures(long Count, double X, double Y, double Z)
{
    /// <summary>The figures of every non-zero voxel of <paramref name="mask"/>.</summary>
    public static MaskFigures Of(Volume<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var span = mask.Span;
        var plane = mask.Width * mask.Height;
        long count = 0;
        double sx = 0, sy = 0, sz = 0;
        for (var z = 0; z < mask.Depth; z++)
        {
            for (var y = 0; y < mask.Height; y++)
            {
                var row = span.Slice((z * plane) + (y * mask.Width), mask.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    if (row[x] != 0)
                    {
                        count++;
                        sx += x;
                        sy += y;
                        sz += z;
                    }
                }
            }
        }
        return count == 0 ? new MaskFigures(0, double.NaN, double.NaN, double.NaN) : new MaskFigures(count, sx / count, sy / count, sz / count);
    }

    /// <summary>Same count and, for a non-empty mask, centroids within <paramref name="tolerance"/> voxels on each axis.</summary>
    public bool Matches(MaskFigures other, double tolerance) =>
        Count == other.Count && (Count == 0 || (Math.Abs(X - other.X) <= tolerance && Math.Abs(Y - other.Y) <= tolerance && Math.Abs(Z - other.Z) <= tolerance));

    /// <inheritdoc />
    public override string ToString() => Count == 0
        ? "0 voxels"
        : string.Create(CultureInfo.InvariantCulture, $"{Count} voxels, centroid (x {X:F2}, y {Y:F2}, z {Z:F2})");
}
