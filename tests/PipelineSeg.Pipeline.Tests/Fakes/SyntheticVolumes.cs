using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>Small synthetic CT volumes for stage tests.</summary>
internal static class SyntheticVolumes
{
    /// <summary>Air with a 100 HU block (liver band) holding a 200 HU core (lesion band) that moves with z, so slices differ.</summary>
    public static Volume<float> Blocks(int n = 48, int depth = 5, VolumeGeometry? geometry = null)
    {
        var v = new Volume<float>(n, n, depth, geometry ?? VolumeGeometry.WithSpacing(2, 2, 3));
        v.Span.Fill(-1000);
        for (var z = 0; z < depth; z++)
        {
            for (var y = n / 6; y < n - (n / 6); y++)
            {
                for (var x = n / 6; x < n - (n / 6); x++)
                {
                    v[x, y, z] = x >= (n / 3) + z && x < (n / 2) + z && y >= n / 3 && y < (2 * n / 3) ? 200 : 100 + (x % 7);
                }
            }
        }
        return v;
    }

    /// <summary>Every voxel of slice z holds z × <paramref name="step"/>.</summary>
    public static Volume<float> Ramp(int n, int depth, float step)
    {
        var v = new Volume<float>(n, n, depth, VolumeGeometry.WithSpacing(1, 1, 1));
        for (var z = 0; z < depth; z++)
        {
            v.Slice(z).Fill(z * step);
        }
        return v;
    }
}
