namespace PipelineSeg.Phantoms.Generation;

/// <summary>Which layer of the trunk wall a point lies in.</summary>
public enum TorsoLayer
{
    /// <summary>Air around the patient.</summary>
    Outside,

    /// <summary>Subcutaneous fat.</summary>
    SubcutaneousFat,

    /// <summary>Abdominal wall muscle.</summary>
    MuscleWall,

    /// <summary>The abdominal cavity, where the organs are.</summary>
    Cavity,
}

/// <summary>
/// Elliptic trunk cross-section (flattened at the back, where the patient lies on the table) with a subcutaneous fat
/// layer and a muscle wall; its size drifts slowly along z.
/// </summary>
public sealed class TorsoModel
{
    private const double PosteriorFlattening = 0.86;

    /// <summary>Draws a trunk centred near (0, 0).</summary>
    public TorsoModel(PhantomRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CenterX = rng.Uniform(-12, 12);
        CenterY = rng.Uniform(-10, 10);
        SemiAxisX = rng.Uniform(140, 180);
        SemiAxisY = SemiAxisX * rng.Uniform(0.66, 0.80);
        FatThickness = rng.Uniform(8, 34);
        MuscleThickness = rng.Uniform(8, 14);
        SizeDriftWavelength = rng.Uniform(180, 400);
        SizeDriftPhase = rng.Uniform(0, 2 * Math.PI);
        SizeDriftAmplitude = rng.Uniform(0.01, 0.05);
        SubcutaneousFatHu = rng.Uniform(-115, -90);
        VisceralFatHu = rng.Uniform(-105, -80);
        MuscleHu = rng.Uniform(40, 55);
    }

    /// <summary>Trunk centre x (mm).</summary>
    public double CenterX { get; }

    /// <summary>Trunk centre y (mm).</summary>
    public double CenterY { get; }

    /// <summary>Left–right semi-axis (mm).</summary>
    public double SemiAxisX { get; }

    /// <summary>Anterior semi-axis (mm); the posterior one is flatter.</summary>
    public double SemiAxisY { get; }

    /// <summary>Subcutaneous fat thickness (mm).</summary>
    public double FatThickness { get; }

    /// <summary>Muscle wall thickness (mm).</summary>
    public double MuscleThickness { get; }

    /// <summary>Subcutaneous fat attenuation (HU).</summary>
    public double SubcutaneousFatHu { get; }

    /// <summary>Mean attenuation of the fat between organs (HU).</summary>
    public double VisceralFatHu { get; }

    /// <summary>Skeletal muscle attenuation (HU).</summary>
    public double MuscleHu { get; }

    private double SizeDriftWavelength { get; }

    private double SizeDriftPhase { get; }

    private double SizeDriftAmplitude { get; }

    /// <summary>Cavity semi-axis along x (mm), at the reference level.</summary>
    public double CavitySemiAxisX => SemiAxisX - FatThickness - MuscleThickness;

    /// <summary>Cavity anterior semi-axis (mm), at the reference level.</summary>
    public double CavitySemiAxisY => SemiAxisY - FatThickness - MuscleThickness;

    /// <summary>y of the posterior skin surface on the midline (mm).</summary>
    public double PosteriorSkinY => CenterY + (SemiAxisY * PosteriorFlattening);

    /// <summary>The layer at a point.</summary>
    public TorsoLayer Classify(double x, double y, double z)
    {
        var scale = 1 + (SizeDriftAmplitude * Math.Sin((2 * Math.PI * z / SizeDriftWavelength) + SizeDriftPhase));
        var a = SemiAxisX * scale;
        var b = SemiAxisY * scale;
        var dx = x - CenterX;
        var dy = y - CenterY;
        var flatten = dy > 0 ? PosteriorFlattening : 1.0;
        if (!InsideEllipse(dx, dy, a, b * flatten))
        {
            return TorsoLayer.Outside;
        }
        // The fat layer is thinner at the back, where the patient's weight compresses it.
        var fat = dy > 0 ? FatThickness * 0.6 : FatThickness;
        if (!InsideEllipse(dx, dy, a - fat, (b * flatten) - fat))
        {
            return TorsoLayer.SubcutaneousFat;
        }
        var wall = fat + MuscleThickness;
        return InsideEllipse(dx, dy, a - wall, (b * flatten) - wall) ? TorsoLayer.Cavity : TorsoLayer.MuscleWall;
    }

    private static bool InsideEllipse(double dx, double dy, double a, double b) =>
        a > 0 && b > 0 && (((dx / a) * (dx / a)) + ((dy / b) * (dy / b))) < 1.0;
}
