using PipelineSeg.Imaging;
using PipelineSeg.Reporting.Overlays;

namespace PipelineSeg.Reporting.Tests.Overlays;

/// <summary>A small CT-like volume with a ramp image, an ellipsoid "liver" (1) holding a sphere "lesion" (2), and a shifted ground truth.</summary>
internal static class SyntheticScene
{
    public static readonly OverlaySegment Liver = new(1, "liver", (230, 25, 75));
    public static readonly OverlaySegment Lesion = new(2, "lesion", (60, 180, 75));

    public static OverlayScene Create(int nx = 48, int ny = 40, int nz = 12, double spacingXy = 1.0, double spacingZ = 3.0, bool groundTruth = true)
    {
        var geometry = VolumeGeometry.WithSpacing(spacingXy, spacingXy, spacingZ);
        var image = new Volume<float>(nx, ny, nz, geometry);
        var labels = new Volume<byte>(nx, ny, nz, geometry);
        var truth = new Volume<byte>(nx, ny, nz, geometry);
        for (var z = 0; z < nz; z++)
        {
            for (var y = 0; y < ny; y++)
            {
                for (var x = 0; x < nx; x++)
                {
                    image[x, y, z] = -200 + (10 * x) + (3 * y) + z;
                    labels[x, y, z] = Label(x, y, z, nx, ny, nz, 0);
                    truth[x, y, z] = Label(x, y, z, nx, ny, nz, 2);
                }
            }
        }
        return new OverlayScene(image, labels, [Liver, Lesion], new DisplayWindow(40, 400)) { GroundTruth = groundTruth ? truth : null };
    }

    private static byte Label(int x, int y, int z, int nx, int ny, int nz, int shift)
    {
        double dx = (x - shift - (nx / 2.0)) / (nx / 3.0), dy = (y - (ny / 2.0)) / (ny / 3.0), dz = (z - (nz / 2.0)) / (nz / 2.5);
        var r = (dx * dx) + (dy * dy) + (dz * dz);
        return r < 0.15 ? (byte)2 : r < 1 ? (byte)1 : (byte)0;
    }
}
