namespace PipelineSeg.Imaging.Distance;

/// <summary>
/// Exact Euclidean distance transform with anisotropic spacing (Felzenszwalb &amp; Huttenlocher 2012: separable lower
/// envelopes of parabolas, linear time per line), parallel over lines. Equals scipy.ndimage.distance_transform_edt(~features, sampling).
/// </summary>
public static class EuclideanDistanceTransform
{
    /// <summary>
    /// Squared distance (mm²) from every voxel to the nearest voxel where <paramref name="isFeature"/> is non-zero
    /// (+∞ everywhere when there is no feature). Layout [z][y][x].
    /// </summary>
    public static void SquaredDistanceToFeatures(ReadOnlySpan<byte> isFeature, VolumeSize size, Vec3 spacing, Span<float> squaredDistance)
    {
        if (isFeature.Length != size.VoxelCount || squaredDistance.Length != size.VoxelCount)
        {
            throw new ArgumentException($"spans must hold {size.VoxelCount} voxels");
        }
        for (var i = 0; i < isFeature.Length; i++)
        {
            squaredDistance[i] = isFeature[i] != 0 ? 0f : float.PositiveInfinity;
        }
        unsafe
        {
            fixed (float* p = squaredDistance)
            {
                Transform(p, size, spacing);
            }
        }
    }

    /// <summary>Distance (mm) from every foreground voxel to the nearest background voxel, like distance_transform_edt(mask, sampling).</summary>
    public static Volume<float> DistanceToBackground(Volume<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = new Volume<float>(mask.Size, mask.Geometry);
        var src = mask.Span;
        var dst = result.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] == 0 ? 0f : float.PositiveInfinity;
        }
        unsafe
        {
            fixed (float* p = dst)
            {
                Transform(p, mask.Size, mask.Geometry.Spacing);
            }
        }
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = MathF.Sqrt(dst[i]);
        }
        return result;
    }

    /// <summary>In place: input 0 at features and +∞ elsewhere, output squared distances.</summary>
    internal static unsafe void Transform(float* data, VolumeSize size, Vec3 spacing)
    {
        var nx = size.X;
        var ny = size.Y;
        var nz = size.Z;
        long slice = (long)nx * ny;
        var ptr = (nint)data;
        var wx = spacing.X * spacing.X;
        var wy = spacing.Y * spacing.Y;
        var wz = spacing.Z * spacing.Z;

        // x then y within each slice (contiguous rows, columns gathered per slice)
        Parallel.For(0, nz, () => new LineScratch(Math.Max(nx, ny)), (z, _, s) =>
        {
            var p = (float*)ptr + (z * slice);
            for (var y = 0; y < ny; y++)
            {
                s.Run(p + ((long)y * nx), 1, nx, wx);
            }
            for (var x = 0; x < nx; x++)
            {
                s.Run(p + x, nx, ny, wy);
            }
            return s;
        }, _ => { });

        if (nz == 1)
        {
            return;
        }
        // z lines, grouped by row y so that each gather reads contiguous x runs
        Parallel.For(0, ny, () => new LineScratch(nz), (y, _, s) =>
        {
            var p = (float*)ptr + ((long)y * nx);
            for (var x = 0; x < nx; x++)
            {
                s.Run(p + x, slice, nz, wz);
            }
            return s;
        }, _ => { });
    }

    /// <summary>Per-thread buffers for one 1D lower-envelope pass.</summary>
    private sealed class LineScratch(int n)
    {
        private readonly double[] _f = new double[n];
        private readonly int[] _v = new int[n];
        private readonly double[] _z = new double[n + 1];

        public unsafe void Run(float* line, long stride, int n, double w)
        {
            var f = _f;
            var any = false;
            for (var i = 0; i < n; i++)
            {
                var value = line[i * stride];
                f[i] = value;
                any |= !float.IsPositiveInfinity(value);
            }
            if (!any)
            {
                return;
            }
            var v = _v;
            var zz = _z;
            var k = -1;
            for (var q = 0; q < n; q++)
            {
                var fq = f[q];
                if (double.IsPositiveInfinity(fq))
                {
                    continue;
                }
                if (k < 0)
                {
                    k = 0;
                    v[0] = q;
                    zz[0] = double.NegativeInfinity;
                    zz[1] = double.PositiveInfinity;
                    continue;
                }
                double s;
                while (true)
                {
                    var vk = v[k];
                    s = ((fq + (w * q * q)) - (f[vk] + (w * vk * vk))) / (2 * w * (q - vk));
                    if (s <= zz[k] && k > 0)
                    {
                        k--;
                        continue;
                    }
                    break;
                }
                if (s <= zz[k])
                {
                    // k == 0 and the new parabola dominates everywhere
                    v[0] = q;
                    zz[0] = double.NegativeInfinity;
                    zz[1] = double.PositiveInfinity;
                    continue;
                }
                k++;
                v[k] = q;
                zz[k] = s;
                zz[k + 1] = double.PositiveInfinity;
            }
            var j = 0;
            for (var q = 0; q < n; q++)
            {
                while (zz[j + 1] < q)
                {
                    j++;
                }
                var d = q - v[j];
                line[q * stride] = (float)((w * d * d) + f[v[j]]);
            }
        }
    }
}
