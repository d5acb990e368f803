using PipelineSeg.Imaging;

namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// Generates synthetic contrast-enhanced (portal venous) abdominal CT scans with liver and lesion ground truth.
/// Everything is drawn from the seed: the same seed and options give the same voxels on every machine.
/// </summary>
/// <remarks>
/// Pipeline: draw the anatomy (mm, LPS) → sample attenuation and labels at voxel centres → Gaussian blur of the
/// attenuation (voxel footprint plus scanner point-spread, i.e. partial volume; labels stay crisp) → add spatially
/// correlated noise → round to whole HU.
/// </remarks>
public static class PhantomGenerator
{
    private const double ScannerPsfSigmaMm = 0.7;
    private const double VoxelFootprintSigma = 0.29; // σ of a one-voxel box, in voxels
    private const double NoiseCorrelationSigma = 0.6; // in-plane σ (voxels) of the noise texture

    /// <summary>Generates the case for <paramref name="seed"/>.</summary>
    public static PhantomCase Generate(int seed, PhantomOptions? options = null)
    {
        options ??= new PhantomOptions();
        options.Validate();
        var acquisition = PhantomRandom.Derive(seed, 0);
        var fov = options.FieldOfViewMm ?? acquisition.Uniform(340, 400);
        var dz = options.SliceSpacingMm ?? Math.Round(acquisition.Uniform(3, 5) * 2) / 2;
        var noise = options.NoiseSigmaHu ?? acquisition.Uniform(10, 15);
        var tableOffsetZ = Math.Round(acquisition.Uniform(-450, -150));
        var anatomy = new PhantomAnatomy(PhantomRandom.Derive(seed, 1));

        var (n, nz) = (options.Size, options.Slices);
        var spacing = fov / n;
        var geometry = new VolumeGeometry(
            new Vec3(-(n - 1) * spacing / 2, -(n - 1) * spacing / 2, tableOffsetZ - ((nz - 1) * dz / 2)),
            new Vec3(spacing, spacing, dz),
            Matrix3.Identity);
        var size = new VolumeSize(n, n, nz);
        var hu = new float[size.VoxelCount];
        var labels = new Volume<byte>(size, geometry);
        var anatomyLabels = new Volume<byte>(size, geometry);
        Rasterize(anatomy, geometry, size, tableOffsetZ, hu, labels, anatomyLabels);

        SeparableGaussian.InPlane(hu, n, n, nz, Math.Sqrt((VoxelFootprintSigma * VoxelFootprintSigma) + Math.Pow(ScannerPsfSigmaMm / spacing, 2)));
        SeparableGaussian.AlongZ(hu, n, n, nz, 0.4);
        var ct = new Volume<short>(size, geometry);
        AddNoiseAndQuantize(seed, hu, size, noise, ct.Array);
        return new PhantomCase(seed, ct, labels, anatomyLabels, noise, anatomy.Liver.Lesions.Count);
    }

    private static void Rasterize(PhantomAnatomy anatomy, VolumeGeometry geometry, VolumeSize size, double tableOffsetZ,
        float[] hu, Volume<byte> labels, Volume<byte> anatomyLabels)
    {
        var task = labels.Array;
        var extended = anatomyLabels.Array;
        Parallel.For(0, size.Z, z =>
        {
            // Anatomy coordinates have z = 0 at the middle of the scanned range, whatever the table position.
            var wz = geometry.Origin.Z + (z * geometry.Spacing.Z) - tableOffsetZ;
            for (var y = 0; y < size.Y; y++)
            {
                var wy = geometry.Origin.Y + (y * geometry.Spacing.Y);
                var row = ((z * size.Y) + y) * size.X;
                for (var x = 0; x < size.X; x++)
                {
                    var wx = geometry.Origin.X + (x * geometry.Spacing.X);
                    var sample = anatomy.Sample(wx, wy, wz);
                    hu[row + x] = (float)sample.Hu;
                    task[row + x] = sample.TaskLabel;
                    extended[row + x] = sample.AnatomyLabel;
                }
            }
        });
    }

    private static void AddNoiseAndQuantize(int seed, float[] hu, VolumeSize size, double sigma, short[] output)
    {
        var kernel = SeparableGaussian.Kernel(NoiseCorrelationSigma);
        // Filtering white noise shrinks its σ by the kernel's L2 norm (squared, for two passes); undo that.
        var norm = Math.Sqrt(kernel.Sum(k => k * k));
        var gain = sigma / (norm * norm);
        var plane = size.SliceLength;
        Parallel.For(0, size.Z, z =>
        {
            var rng = PhantomRandom.Derive(seed, 1000 + z);
            var slice = new float[plane];
            for (var i = 0; i < plane; i++)
            {
                slice[i] = (float)rng.Normal();
            }
            SeparableGaussian.InPlane(slice, size.X, size.Y, 1, NoiseCorrelationSigma);
            var offset = z * plane;
            for (var i = 0; i < plane; i++)
            {
                var value = Math.Round(hu[offset + i] + (gain * slice[i]));
                output[offset + i] = (short)Math.Clamp(value, -1024, 3071);
            }
        });
    }
}
