namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// A sum of a few random low-frequency plane waves added to an implicit shape, so organs are not perfect ellipsoids
/// and every seed gives a different outline.
/// </summary>
public sealed class SurfaceRipple
{
    private readonly double[] _kx;
    private readonly double[] _ky;
    private readonly double[] _kz;
    private readonly double[] _phase;
    private readonly double[] _amplitude;

    private SurfaceRipple(double[] kx, double[] ky, double[] kz, double[] phase, double[] amplitude)
    {
        (_kx, _ky, _kz, _phase, _amplitude) = (kx, ky, kz, phase, amplitude);
    }

    /// <summary>A ripple that adds nothing.</summary>
    public static SurfaceRipple None { get; } = new([], [], [], [], []);

    /// <summary>
    /// Draws <paramref name="waves"/> waves with wavelengths in [minWavelengthMm, maxWavelengthMm] and total amplitude
    /// about <paramref name="amplitude"/> (in the units of the implicit function they perturb).
    /// </summary>
    public static SurfaceRipple Draw(PhantomRandom rng, int waves, double minWavelengthMm, double maxWavelengthMm, double amplitude)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var kx = new double[waves];
        var ky = new double[waves];
        var kz = new double[waves];
        var phase = new double[waves];
        var amp = new double[waves];
        for (var i = 0; i < waves; i++)
        {
            // Random direction on the sphere, random wavelength.
            var cosTheta = rng.Uniform(-1, 1);
            var sinTheta = Math.Sqrt(1 - (cosTheta * cosTheta));
            var azimuth = rng.Uniform(0, 2 * Math.PI);
            var k = 2 * Math.PI / rng.Uniform(minWavelengthMm, maxWavelengthMm);
            kx[i] = k * sinTheta * Math.Cos(azimuth);
            ky[i] = k * sinTheta * Math.Sin(azimuth);
            kz[i] = k * cosTheta;
            phase[i] = rng.Uniform(0, 2 * Math.PI);
            amp[i] = amplitude * rng.Uniform(0.5, 1.0) / Math.Sqrt(waves);
        }
        return new SurfaceRipple(kx, ky, kz, phase, amp);
    }

    /// <summary>Largest possible absolute offset (for conservative bounding tests).</summary>
    public double MaxAmplitude => _amplitude.Sum();

    /// <summary>The offset at a point.</summary>
    public double Offset(double x, double y, double z)
    {
        var sum = 0.0;
        for (var i = 0; i < _kx.Length; i++)
        {
            sum += _amplitude[i] * Math.Sin((_kx[i] * x) + (_ky[i] * y) + (_kz[i] * z) + _phase[i]);
        }
        return sum;
    }
}
