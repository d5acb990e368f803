using PipelineSeg.Imaging;

namespace PipelineSeg.Bench.Imaging;

/// <summary>
/// A deterministic LiTS-sized prediction/ground-truth pair (512×512×871, spacing 0.78×0.78×1.0 mm): a liver-like
/// ellipsoid (label 1) with spherical tumours (label 2); the prediction is shifted, slightly larger and misses one tumour.
/// </summary>
internal static class SyntheticLiverPair
{
    public const int Nx = 512;
    public const int Ny = 512;
    public const int Nz = 871;

    public static (Volume<byte> Prediction, Volume<byte> GroundTruth) Create()
    {
        var geometry = VolumeGeometry.WithSpacing(0.78, 0.78, 1.0);
        var gt = new Volume<byte>(Nx, Ny, Nz, geometry);
        var pred = new Volume<byte>(Nx, Ny, Nz, geometry);
        (double X, double Y, double Z, double R)[] tumours = [(260, 250, 430, 18), (340, 300, 380, 9), (300, 200, 520, 25), (220, 280, 470, 6)];
        Parallel.For(0, Nz, z =>
        {
            for (var y = 0; y < Ny; y++)
            {
                for (var x = 0; x < Nx; x++)
                {
                    gt[x, y, z] = Label(x, y, z, 300, 260, 440, 140, 110, 190, tumours, 0);
                    pred[x, y, z] = Label(x, y, z, 303, 257, 437, 143, 112, 194, tumours, 1);
                }
            }
        });
        return (pred, gt);
    }

    private static byte Label(int x, int y, int z, double cx, double cy, double cz, double rx, double ry, double rz,
        (double X, double Y, double Z, double R)[] tumours, int variant)
    {
        var dx = (x - cx) / rx;
        var dy = (y - cy) / ry;
        var dz = (z - cz) / rz;
        // a wavy surface so that boundaries are not trivially smooth
        var wobble = 0.04 * Math.Sin((x * 0.05) + (variant * 0.7)) * Math.Cos(z * 0.03);
        if ((dx * dx) + (dy * dy) + (dz * dz) > 1 + wobble)
        {
            return 0;
        }
        for (var t = variant; t < tumours.Length; t++)
        {
            var (tx, ty, tz, r) = tumours[t];
            var shift = variant * 2.0;
            var ex = x - tx - shift;
            var ey = y - ty;
            var ez = z - tz + shift;
            if ((ex * ex) + (ey * ey) + (ez * ez) <= r * r)
            {
                return 2;
            }
        }
        return 1;
    }
}
