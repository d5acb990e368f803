namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// Separable Gaussian filtering of [z][y][x] float data with clamped borders; used for the partial-volume blur and to
/// give the noise the fine-grained correlation of reconstructed CT.
/// </summary>
internal static class SeparableGaussian
{
    /// <summary>A normalized kernel truncated at 3σ (a single 1 for σ ≤ 0).</summary>
    public static double[] Kernel(double sigma)
    {
        if (sigma <= 1e-6)
        {
            return [1.0];
        }
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new double[(2 * radius) + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            k[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (var i = 0; i < k.Length; i++)
        {
            k[i] /= sum;
        }
        return k;
    }

    /// <summary>Filters in place along x and y of every slice.</summary>
    public static void InPlane(float[] data, int nx, int ny, int nz, double sigma)
    {
        var k = Kernel(sigma);
        if (k.Length == 1)
        {
            return;
        }
        Parallel.For(0, nz, z =>
        {
            var slice = data.AsSpan(z * nx * ny, nx * ny);
            var line = new float[Math.Max(nx, ny)];
            for (var y = 0; y < ny; y++)
            {
                Filter(slice.Slice(y * nx, nx), 1, nx, k, line);
            }
            for (var x = 0; x < nx; x++)
            {
                Filter(slice[x..], nx, ny, k, line);
            }
        });
    }

    /// <summary>Filters in place along z.</summary>
    public static void AlongZ(float[] data, int nx, int ny, int nz, double sigma)
    {
        var k = Kernel(sigma);
        if (k.Length == 1 || nz == 1)
        {
            return;
        }
        var plane = nx * ny;
        Parallel.For(0, ny, y =>
        {
            var line = new float[nz];
            for (var x = 0; x < nx; x++)
            {
                Filter(data.AsSpan((y * nx) + x), plane, nz, k, line);
            }
        });
    }

    private static void Filter(Span<float> data, int stride, int count, double[] k, float[] scratch)
    {
        var radius = k.Length / 2;
        for (var i = 0; i < count; i++)
        {
            scratch[i] = data[i * stride];
        }
        for (var i = 0; i < count; i++)
        {
            var sum = 0.0;
            for (var j = -radius; j <= radius; j++)
            {
                sum += k[j + radius] * scratch[Math.Clamp(i + j, 0, count - 1)];
            }
            data[i * stride] = (float)sum;
        }
    }
}
