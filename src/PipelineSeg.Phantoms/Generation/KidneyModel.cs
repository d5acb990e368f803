namespace PipelineSeg.Phantoms.Generation;

/// <summary>A kidney: enhancing cortex around a less dense medulla, with fat in the renal sinus at the hilum.</summary>
public sealed class KidneyModel
{
    private readonly Ellipsoid _outer;
    private readonly Ellipsoid _medulla;
    private readonly Ellipsoid _sinus;

    /// <summary>Draws a kidney centred at (x, y, z); <paramref name="side"/> is −1 for the patient's right, +1 for the left.</summary>
    public KidneyModel(PhantomRandom rng, double x, double y, double z, int side)
    {
        ArgumentNullException.ThrowIfNull(rng);
        // Upper poles tilt medially and backwards: a rotation of 15–35° about z, mirrored per side.
        var angle = side * rng.Uniform(0.25, 0.6);
        _outer = new Ellipsoid(x, y, z, rng.Uniform(22, 30), rng.Uniform(20, 27), rng.Uniform(45, 60), angle);
        _medulla = _outer.Scaled(0.6);
        var hilumX = x - (side * 0.55 * _outer.RadiusX);
        _sinus = new Ellipsoid(hilumX, y - 4, z, 0.35 * _outer.RadiusX, 0.35 * _outer.RadiusY, 0.45 * _outer.RadiusZ, angle);
        CortexHu = rng.Uniform(150, 195);
        MedullaHu = rng.Uniform(95, 135);
        SinusFatHu = rng.Uniform(-90, -50);
    }

    /// <summary>Cortical attenuation (HU).</summary>
    public double CortexHu { get; }

    /// <summary>Medullary attenuation (HU).</summary>
    public double MedullaHu { get; }

    /// <summary>Renal sinus fat attenuation (HU).</summary>
    public double SinusFatHu { get; }

    /// <summary>Attenuation and anatomy label at a point; false outside the kidney.</summary>
    public bool TrySample(double x, double y, double z, out double hu, out byte label)
    {
        hu = 0;
        label = PhantomLabels.Background;
        if (!_outer.MayContain(x, y, z) || _outer.NormalizedRadius(x, y, z) >= 1)
        {
            return false;
        }
        if (_sinus.NormalizedRadius(x, y, z) < 1)
        {
            hu = SinusFatHu;
            return true;
        }
        hu = _medulla.NormalizedRadius(x, y, z) < 1 ? MedullaHu : CortexHu;
        label = PhantomLabels.Kidney;
        return true;
    }
}
