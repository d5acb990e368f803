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
        unsafe
        {
            fixed (byte* f = isFeature)
            fixed (float* p = squaredDistance)
            {
                FromFeatures(f, p, size, spacing);
            }
        }
    }

    /// <summary>Binary features in, squared distances out: the x pass is an exact two-sided scan, then y and z lower envelopes.</summary>
    internal static unsafe void FromFeatures(byte* features, float* data, VolumeSize size, Vec3 spacing)
    {
        var nx = size.X;
        var ny = size.Y;
        long slice = (long)nx * ny;
        var fptr = (nint)features;
        var dptr = (nint)data;
        var sx = spacing.X;
        var wy = spacing.Y * spacing.Y;
        Parallel.For(0, size.Z, () => new LineScratch(Math.Max(nx, ny)), (z, _, s) =>
        {
            var f = (byte*)fptr + (z * slice);
            var d = (float*)dptr + (z * slice);
            for (var y = 0; y < ny; y++)
            {
                RowScan(f + ((long)y * nx), d + ((long)y * nx), nx, sx);
            }
            for (var x = 0; x < nx; x++)
            {
                s.Run(d + x, nx, ny, wy);
            }
            return s;
        }, _ => { });
        PassZ(data, size, spacing.Z * spacing.Z);
    }

    private static unsafe void RowScan(byte* feature, float* output, int n, double spacing)
    {
        var last = -1;
        for (var x = 0; x < n; x++)
        {
            if (feature[x] != 0)
            {
                last = x;
            }
            output[x] = last < 0 ? float.PositiveInfinity : x - last;
        }
        if (last < 0)
        {
            return;
        }
        var next = -1;
        for (var x = n - 1; x >= 0; x--)
        {
            if (feature[x] != 0)
            {
                next = x;
            }
            var d = next < 0 ? output[x] : Math.Min(output[x], next - x);
            var mm = d * spacing;
            output[x] = (float)(mm * mm);
        }
    }

    /// <summary>Distance (mm) from every foreground voxel to the nearest background voxel, like distance_transform_edt(mask, sampling).</summary>
    public static Volume<float> DistanceToBackground(Volume<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var background = new byte[mask.Length];
        var src = mask.Span;
        for (var i = 0; i < src.Length; i++)
        {
            background[i] = (byte)(src[i] == 0 ? 1 : 0);
        }
        var result = new Volume<float>(mask.Size, mask.Geometry);
        SquaredDistanceToFeatures(background, mask.Size, mask.Geometry.Spacing, result.Span);
        var dst = result.Span;
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = MathF.Sqrt(dst[i]);
        }
        return result;
    }

    // z lines, grouped by row y so that each gather reads contiguous x runs
    private static unsafe void PassZ(float* data, VolumeSize size, double wz)
    {
        var nx = size.X;
        var nz = size.Z;
        long slice = (long)nx * size.Y;
        if (nz == 1)
        {
            return;
        }
        var ptr = (nint)data;
        Parallel.For(0, size.Y, () => new LineScratch(nz), (y, _, s) =>
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
