namespace PipelineSeg.Phantoms.Generation;

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
        // The vertebral body sits about two thirds of the way back; the spinous process stops short of the skin fat.
        CenterY = torso.PosteriorSkinY - (0.6 * torso.FatThickness) - rng.Uniform(66, 80);
        var room = torso.PosteriorSkinY - (0.6 * torso.FatThickness) - 8 - (CenterY + BodyRadiusY + 3 + (2 * CanalRadius));
        SpinousLength = Math.Clamp(room, 10, SpinousLength);
        TransverseLength = rng.Uniform(16, 24);
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

    private double TransverseLength { get; }

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
        var level = Modulo(z - Phase, Period);
        var inDisc = level < DiscThickness;
        // 0 at the bottom of the vertebral body, 1 at its top: processes exist only at some levels of each vertebra.
        var height = (level - DiscThickness) / (Period - DiscThickness);

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
        if (!inDisc && IsArch(dx, y - canalY, canalDistance, height))
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

    private bool IsArch(double dx, double dyCanal, double canalDistance, double height)
    {
        // Pedicles and laminae: a ring around the canal (its front merges with the body).
        if (canalDistance < CanalRadius + 4.5 && dyCanal > -CanalRadius)
        {
            return true;
        }
        // The spinous process slopes downwards, so it shows in the lower part of each vertebra only.
        if (height < 0.65 && Math.Abs(dx) < 3.5 && dyCanal > 0 && dyCanal < CanalRadius + SpinousLength)
        {
            return true;
        }
        // Transverse processes sideways, at mid-height.
        return height is > 0.35 and < 0.75 && Math.Abs(dyCanal + 2) < 4
            && Math.Abs(dx) > CanalRadius && Math.Abs(dx) < CanalRadius + TransverseLength;
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
