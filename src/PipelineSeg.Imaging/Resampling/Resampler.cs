using System.Numerics;

namespace PipelineSeg.Imaging.Resampling;

/// <summary>
/// Resamples volumes onto another grid through patient space (any direction, spacing, origin). Voxels whose source
/// position falls outside the source volume get <c>defaultValue</c>. Nearest for labels, trilinear for images.
/// </summary>
public static class Resampler
{
    /// <summary>Resamples <paramref name="source"/> onto the grid (size, geometry).</summary>
    public static Volume<T> Resample<T>(Volume<T> source, VolumeSize size, VolumeGeometry geometry, Interpolation interpolation, T defaultValue = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(geometry);
        var result = new Volume<T>(size, geometry);
        // continuous source index = a + bx·x + by·y + bz·z (composition of two affine maps)
        var sg = source.Geometry;
        var a = sg.WorldToIndex(geometry.IndexToWorld(0, 0, 0));
        var bx = sg.WorldToIndex(geometry.IndexToWorld(1, 0, 0)) - a;
        var by = sg.WorldToIndex(geometry.IndexToWorld(0, 1, 0)) - a;
        var bz = sg.WorldToIndex(geometry.IndexToWorld(0, 0, 1)) - a;
        var src = source.Array;
        var dst = result.Array;
        var ss = source.Size;
        Parallel.For(0, size.Z, z =>
        {
            for (var y = 0; y < size.Y; y++)
            {
                var start = a + (by * y) + (bz * z);
                var row = ((z * size.Y) + y) * size.X;
                for (var x = 0; x < size.X; x++)
                {
                    var p = start + (bx * x);
                    dst[row + x] = interpolation == Interpolation.Nearest
                        ? SampleNearest(src, ss, p, defaultValue)
                        : SampleLinear(src, ss, p, defaultValue);
                }
            }
        });
        return result;
    }

    /// <summary>Resamples onto another volume's grid.</summary>
    public static Volume<T> ResampleLike<T, TRef>(Volume<T> source, Volume<TRef> reference, Interpolation interpolation, T defaultValue = default)
        where T : unmanaged, INumber<T>
        where TRef : unmanaged
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Resample(source, reference.Size, reference.Geometry, interpolation, defaultValue);
    }

    /// <summary>
    /// Resamples to a new size covering the same physical extent (voxel boxes aligned at the edges, so going to a size and
    /// back restores the original grid). Leave an axis unchanged for in-plane resampling.
    /// </summary>
    public static Volume<T> ResampleToSize<T>(Volume<T> source, VolumeSize size, Interpolation interpolation, T defaultValue = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        var g = source.Geometry;
        var spacing = new Vec3(
            g.Spacing.X * source.Width / size.X,
            g.Spacing.Y * source.Height / size.Y,
            g.Spacing.Z * source.Depth / size.Z);
        var shift = new Vec3((spacing.X - g.Spacing.X) / 2, (spacing.Y - g.Spacing.Y) / 2, (spacing.Z - g.Spacing.Z) / 2);
        var geometry = new VolumeGeometry(g.Origin + (g.Direction * shift), spacing, g.Direction);
        return Resample(source, size, geometry, interpolation, defaultValue);
    }

    /// <summary>Resamples in-plane (x, y) to width × height, keeping the slices.</summary>
    public static Volume<T> ResampleInPlane<T>(Volume<T> source, int width, int height, Interpolation interpolation, T defaultValue = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        return ResampleToSize(source, new VolumeSize(width, height, source.Depth), interpolation, defaultValue);
    }

    /// <summary>
    /// Resamples to a new spacing with the same origin and direction (first voxel centre kept, SimpleITK style);
    /// size = round(old size × old spacing / new spacing).
    /// </summary>
    public static Volume<T> ResampleToSpacing<T>(Volume<T> source, Vec3 spacing, Interpolation interpolation, T defaultValue = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        var g = source.Geometry;
        static int N(int n, double oldSpacing, double newSpacing) => Math.Max(1, (int)Math.Round(n * oldSpacing / newSpacing));
        var size = new VolumeSize(N(source.Width, g.Spacing.X, spacing.X), N(source.Height, g.Spacing.Y, spacing.Y), N(source.Depth, g.Spacing.Z, spacing.Z));
        return Resample(source, size, new VolumeGeometry(g.Origin, spacing, g.Direction), interpolation, defaultValue);
    }

    private const double Epsilon = 1e-6;

    private static T SampleNearest<T>(T[] src, VolumeSize s, Vec3 p, T defaultValue) where T : unmanaged, INumber<T>
    {
        // round half up (as ITK's nearest-neighbour interpolator); tolerate rounding noise at the border
        var x = (int)Math.Floor(p.X + 0.5 + Epsilon);
        var y = (int)Math.Floor(p.Y + 0.5 + Epsilon);
        var z = (int)Math.Floor(p.Z + 0.5 + Epsilon);
        if ((uint)x >= (uint)s.X || (uint)y >= (uint)s.Y || (uint)z >= (uint)s.Z)
        {
            return defaultValue;
        }
        return src[(((z * s.Y) + y) * s.X) + x];
    }

    private static T SampleLinear<T>(T[] src, VolumeSize s, Vec3 p, T defaultValue) where T : unmanaged, INumber<T>
    {
        if (p.X < -Epsilon || p.Y < -Epsilon || p.Z < -Epsilon || p.X > s.X - 1 + Epsilon || p.Y > s.Y - 1 + Epsilon || p.Z > s.Z - 1 + Epsilon)
        {
            return defaultValue;
        }
        var (x0, fx) = Split(p.X, s.X);
        var (y0, fy) = Split(p.Y, s.Y);
        var (z0, fz) = Split(p.Z, s.Z);
        int x1 = Math.Min(x0 + 1, s.X - 1), y1 = Math.Min(y0 + 1, s.Y - 1), z1 = Math.Min(z0 + 1, s.Z - 1);
        double V(int x, int y, int z) => double.CreateTruncating(src[(((z * s.Y) + y) * s.X) + x]);
        var c00 = (V(x0, y0, z0) * (1 - fx)) + (V(x1, y0, z0) * fx);
        var c10 = (V(x0, y1, z0) * (1 - fx)) + (V(x1, y1, z0) * fx);
        var c01 = (V(x0, y0, z1) * (1 - fx)) + (V(x1, y0, z1) * fx);
        var c11 = (V(x0, y1, z1) * (1 - fx)) + (V(x1, y1, z1) * fx);
        var c0 = (c00 * (1 - fy)) + (c10 * fy);
        var c1 = (c01 * (1 - fy)) + (c11 * fy);
        var v = (c0 * (1 - fz)) + (c1 * fz);
        return typeof(T) == typeof(float) || typeof(T) == typeof(double) ? T.CreateTruncating(v) : T.CreateSaturating(Math.Round(v));
    }

    private static (int I, double F) Split(double p, int n)
    {
        var clamped = Math.Clamp(p, 0, n - 1);
        var i = Math.Min((int)Math.Floor(clamped), Math.Max(0, n - 2));
        return (i, clamped - i);
    }
}
