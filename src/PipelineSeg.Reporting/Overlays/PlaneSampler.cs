using PipelineSeg.Imaging;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// Cuts an axial slice or a coronal/sagittal reformat out of the scene. The output pixel is square in millimetres
/// (the finer of the two in-plane spacings divided by the zoom) unless the source grid is kept; the image is
/// interpolated bilinearly, labels by nearest neighbour (so every output label is a real voxel's label).
/// Reformats put the superior end at the top.
/// </summary>
internal static class PlaneSampler
{
    public static PlaneSection Sample(OverlayScene scene, SlicePlane plane, int index, OverlayOptions options)
    {
        var size = scene.Image.Size;
        var spacing = scene.Image.Geometry.Spacing;
        var (nu, nv, du, dv, count) = plane switch
        {
            SlicePlane.Axial => (size.X, size.Y, spacing.X, spacing.Y, size.Z),
            SlicePlane.Coronal => (size.X, size.Z, spacing.X, spacing.Z, size.Y),
            _ => (size.Y, size.Z, spacing.Y, spacing.Z, size.X),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        int width, height;
        if (options.SourceGrid)
        {
            (width, height) = (nu, nv);
        }
        else
        {
            var pixel = Math.Min(du, dv) / options.Zoom;
            width = Math.Max(1, (int)Math.Round(nu * du / pixel));
            height = Math.Max(1, (int)Math.Round(nv * dv / pixel));
        }
        // reformat rows run along z; superior (larger patient z) goes to the top
        var flipV = plane != SlicePlane.Axial && scene.Image.Geometry.Direction.Column(2).Z > 0;
        var image = new float[width * height];
        var labels = scene.Labels is null ? null : new byte[width * height];
        var truth = scene.GroundTruth is null ? null : new byte[width * height];
        for (var j = 0; j < height; j++)
        {
            var v = ((j + 0.5) * nv / height) - 0.5;
            if (flipV)
            {
                v = nv - 1 - v;
            }
            for (var i = 0; i < width; i++)
            {
                var u = ((i + 0.5) * nu / width) - 0.5;
                var o = (j * width) + i;
                image[o] = Bilinear(scene.Image, plane, index, u, v, nu, nv);
                var (x, y, z) = Voxel(plane, index, Nearest(u, nu), Nearest(v, nv));
                if (labels is not null)
                {
                    labels[o] = scene.Labels![x, y, z];
                }
                if (truth is not null)
                {
                    truth[o] = scene.GroundTruth![x, y, z];
                }
            }
        }
        return new PlaneSection(width, height, image, labels, truth);
    }

    private static int Nearest(double c, int n) => Math.Clamp((int)Math.Round(c, MidpointRounding.AwayFromZero), 0, n - 1);

    private static (int X, int Y, int Z) Voxel(SlicePlane plane, int index, int u, int v) => plane switch
    {
        SlicePlane.Axial => (u, v, index),
        SlicePlane.Coronal => (u, index, v),
        _ => (index, u, v),
    };

    private static float Bilinear(Volume<float> volume, SlicePlane plane, int index, double u, double v, int nu, int nv)
    {
        u = Math.Clamp(u, 0, nu - 1);
        v = Math.Clamp(v, 0, nv - 1);
        var u0 = (int)Math.Floor(u);
        var v0 = (int)Math.Floor(v);
        var u1 = Math.Min(u0 + 1, nu - 1);
        var v1 = Math.Min(v0 + 1, nv - 1);
        var fu = u - u0;
        var fv = v - v0;
        double At(int a, int b)
        {
            var (x, y, z) = Voxel(plane, index, a, b);
            return volume[x, y, z];
        }
        var top = (At(u0, v0) * (1 - fu)) + (At(u1, v0) * fu);
        var bottom = (At(u0, v1) * (1 - fu)) + (At(u1, v1) * fu);
        return (float)((top * (1 - fv)) + (bottom * fv));
    }
}
