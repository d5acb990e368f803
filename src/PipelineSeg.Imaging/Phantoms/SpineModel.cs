namespace PipelineSeg.Imaging.Phantoms;

/// <summary>
/// Lumbar/lower thoracic spine: vertebral bodies (cortical shell, cancellous core) separated by discs, the spinal canal,
/// the neural arch with spinous and transverse processes, and the paraspinal and psoas muscles around it.
/// </summary>
public sealed class SpineModel
{
    private const double CortexMm = 2.5;

    /// <summary>Places the spine on the midline just in front of the back muscles of <paramref name="torso"/>.</summary>
    public SpineModel(PhantomRandom rng, TorsoModel torso, double psoasOriginZ)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(torso);
        BodyRadiusX = rng.Uniform(19, 25);
        BodyRadiusY = rng.Uniform(15, 19);
        CanalRadius = rng.Uniform(7.5, 10);
        SpinousLength = rng.Uniform(28, 38);
        CenterX = torso.CenterX + rng.Uniform(-4, 4);
        CenterY = torso.PosteriorSkinY - (0.6 * torso.FatThickness) - 12 - SpinousLength - (2 * CanalRadius) - 3 - BodyRadiusY;
        Period = rng.Uniform(27, 34);
        DiscThickness = rng.Uniform(6, 9);
        Phase = rng.Uniform(0, Period);
        CorticalHu = rng.Uniform(600, 950);
        CancellousHu = rng.Uniform(170, 290);
        DiscHu = rng.Uniform(70, 95);
        CanalHu = rng.Uniform(8, 22);
        MuscleHu = torso.MuscleHu;
        PsoasOriginZ = psoasOriginZ;
    }

    /// <summary>Vertebral body centre x (mm).</summary>
    public double CenterX { get; }

    /// <summary>Vertebral body centre y (mm).</summary>
    public double CenterY { get; }

    /// <summary>Vertebral body left–right semi-axis (mm).</summary>
    public double BodyRadiusX { get; }

    /// <summary>Vertebral body antero-posterior semi-axis (mm).</summary>
    public double BodyRadiusY { get; }

    private double CanalRadius { get; }

    private double SpinousLength { get; }

    private double Period { get; }

    private double DiscThickness { get; }

    private double Phase { get; }

    private double CorticalHu { get; }

    private double CancellousHu { get; }

    private double DiscHu { get; }

    private double CanalHu { get; }

    private double MuscleHu { get; }

    private double PsoasOriginZ { get; }

    /// <summary>
    /// Attenuation and label of the spine region at a point; false when the point is not part of the spine, the canal
    /// or the muscles attached to it.
    /// </summary>
    public bool TrySample(double x, double y, double z, out double hu, out byte label)
    {
        label = PhantomLabels.Background;
        hu = 0;
        var dx = x - CenterX;
        var dy = y - CenterY;
        var inDisc = Modulo(z - Phase, Period) < DiscThickness;

        var body = Math.Sqrt(((dx / BodyRadiusX) * (dx / BodyRadiusX)) + ((dy / BodyRadiusY) * (dy / BodyRadiusY)));
        if (body < 1)
        {
            if (inDisc)
            {
                hu = DiscHu;
                return true;
            }
            var depth = (1 - body) * Math.Min(BodyRadiusX, BodyRadiusY);
            hu = depth < CortexMm ? CorticalHu : CancellousHu;
            label = PhantomLabels.Spine;
            return true;
        }

        var canalY = CenterY + BodyRadiusY + 3 + CanalRadius;
        var canalDistance = Math.Sqrt((dx * dx) + ((y - canalY) * (y - canalY)));
        if (canalDistance < CanalRadius)
        {
            hu = CanalHu;
            return true;
        }
        if (!inDisc && IsArch(dx, y - canalY, canalDistance))
        {
            hu = 0.5 * (CorticalHu + CancellousHu);
            label = PhantomLabels.Spine;
            return true;
        }
        if (IsMuscle(dx, dy, z))
        {
            hu = MuscleHu;
            return true;
        }
        return false;
    }

    private bool IsArch(double dx, double dyCanal, double canalDistance)
    {
        // Pedicles and laminae: a ring around the canal (its front merges with the body).
        if (canalDistance < CanalRadius + 5 && dyCanal > -CanalRadius)
        {
            return true;
        }
        // Spinous process backwards, transverse processes sideways.
        if (Math.Abs(dx) < 4 && dyCanal > 0 && dyCanal < CanalRadius + SpinousLength)
        {
            return true;
        }
        return Math.Abs(dyCanal + 2) < 4.5 && Math.Abs(dx) > CanalRadius && Math.Abs(dx) < CanalRadius + 30;
    }

    private bool IsMuscle(double dx, double dy, double z)
    {
        // Erector spinae on both sides of the spinous process.
        var py = dy - (BodyRadiusY + 30);
        var px = Math.Abs(dx) - 36;
        if (((px / 30) * (px / 30)) + ((py / 24) * (py / 24)) < 1)
        {
            return true;
        }
        // Psoas: grows caudally from its origin beside the vertebral bodies.
        var radius = 6 + (16 * Math.Clamp((PsoasOriginZ - z) / 110.0, 0, 1));
        if (z > PsoasOriginZ + 20)
        {
            return false;
        }
        var qx = Math.Abs(dx) - (BodyRadiusX + radius - 4);
        var qy = dy + 2;
        return (qx * qx) + (qy * qy) < radius * radius;
    }

    private static double Modulo(double value, double period)
    {
        var r = value % period;
        return r < 0 ? r + period : r;
    }
}
