using PipelineSeg.Imaging.Components;

namespace PipelineSeg.Imaging.Morphology;

/// <summary>
/// Binary morphology on non-zero voxels with a 3×3×3 structuring element of the given connectivity, like
/// scipy.ndimage (binary_dilation / binary_erosion with border_value 0, opening = erode then dilate, closing = dilate then erode).
/// Results are 0/1.
/// </summary>
public static class BinaryMorphology
{
    /// <summary>Dilation, repeated <paramref name="iterations"/> times.</summary>
    public static Volume<byte> Dilate(Volume<byte> mask, Connectivity connectivity = Connectivity.Faces6, int iterations = 1) =>
        Repeat(mask, connectivity, iterations, dilate: true);

    /// <summary>Erosion (outside the volume counts as background), repeated <paramref name="iterations"/> times.</summary>
    public static Volume<byte> Erode(Volume<byte> mask, Connectivity connectivity = Connectivity.Faces6, int iterations = 1) =>
        Repeat(mask, connectivity, iterations, dilate: false);

    /// <summary>Erosion followed by dilation.</summary>
    public static Volume<byte> Open(Volume<byte> mask, Connectivity connectivity = Connectivity.Faces6, int iterations = 1) =>
        Dilate(Erode(mask, connectivity, iterations), connectivity, iterations);

    /// <summary>Dilation followed by erosion.</summary>
    public static Volume<byte> Close(Volume<byte> mask, Connectivity connectivity = Connectivity.Faces6, int iterations = 1) =>
        Erode(Dilate(mask, connectivity, iterations), connectivity, iterations);

    private static Volume<byte> Repeat(Volume<byte> mask, Connectivity connectivity, int iterations, bool dilate)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        var current = Binarize(mask);
        var offsets = Neighbourhood.Offsets(connectivity);
        for (var k = 0; k < iterations; k++)
        {
            current = Step(current, offsets, dilate);
        }
        return current;
    }

    private static Volume<byte> Binarize(Volume<byte> mask)
    {
        var result = mask.CreateLike<byte>();
        var s = mask.Span;
        var d = result.Span;
        for (var i = 0; i < s.Length; i++)
        {
            d[i] = (byte)(s[i] != 0 ? 1 : 0);
        }
        return result;
    }

    private static Volume<byte> Step(Volume<byte> src, (int Dx, int Dy, int Dz)[] offsets, bool dilate)
    {
        var result = src.CreateLike<byte>();
        var size = src.Size;
        int nx = size.X, ny = size.Y, nz = size.Z;
        var s = src.Array;
        var d = result.Array;
        // dilation: set where any neighbour is set; erosion: keep where every neighbour (outside = 0) is set
        var target = dilate ? (byte)0 : (byte)1;
        Parallel.For(0, nz, z =>
        {
            for (var y = 0; y < ny; y++)
            {
                var row = ((z * ny) + y) * nx;
                for (var x = 0; x < nx; x++)
                {
                    var i = row + x;
                    if (s[i] != target)
                    {
                        d[i] = s[i];
                        continue;
                    }
                    var flip = false;
                    foreach (var (dx, dy, dz) in offsets)
                    {
                        int xx = x + dx, yy = y + dy, zz = z + dz;
                        var inside = (uint)xx < (uint)nx && (uint)yy < (uint)ny && (uint)zz < (uint)nz;
                        var v = inside ? s[i + (((dz * ny) + dy) * nx) + dx] : (byte)0;
                        if (v != target)
                        {
                            flip = true;
                            break;
                        }
                    }
                    d[i] = flip ? (byte)(1 - target) : target;
                }
            }
        });
        return result;
    }
}
