namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// A focal liver lesion: an irregular ellipsoid whose attenuation blends into the parenchyma over
/// <see cref="EdgeWidthMm"/> (sharp for cysts, blurred for metastases).
/// </summary>
public sealed class LiverLesion
{
    /// <summary>Creates a lesion.</summary>
    public LiverLesion(Ellipsoid shape, SurfaceRipple ripple, double hu, double edgeWidthMm)
    {
        ArgumentNullException.ThrowIfNull(ripple);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(edgeWidthMm);
        (Shape, Ripple, Hu, EdgeWidthMm) = (shape, ripple, hu, edgeWidthMm);
    }

    /// <summary>Base shape.</summary>
    public Ellipsoid Shape { get; }

    /// <summary>Outline irregularity.</summary>
    public SurfaceRipple Ripple { get; }

    /// <summary>Attenuation at the lesion centre (HU).</summary>
    public double Hu { get; }

    /// <summary>Width of the sigmoid transition to the parenchyma (mm).</summary>
    public double EdgeWidthMm { get; }

    /// <summary>Equivalent-sphere radius (mm).</summary>
    public double EquivalentRadiusMm => Math.Cbrt(Shape.RadiusX * Shape.RadiusY * Shape.RadiusZ);

    /// <summary>
    /// Signed distance to the lesion outline (mm, negative inside), or +∞ when the point is far away.
    /// </summary>
    public double SignedDistance(double x, double y, double z)
    {
        var margin = 6 * EdgeWidthMm;
        if (!Shape.MayContain(x, y, z, margin + (Ripple.MaxAmplitude * Shape.MeanRadius)))
        {
            return double.PositiveInfinity;
        }
        return (Shape.NormalizedRadius(x, y, z) + Ripple.Offset(x, y, z) - 1.0) * Shape.MeanRadius;
    }

    /// <summary>
    /// The weight of the lesion attenuation at a given signed distance: 0.5 on the outline, → 1 inside, → 0 outside.
    /// </summary>
    public double Weight(double signedDistance) =>
        double.IsPositiveInfinity(signedDistance) ? 0 : 1.0 / (1.0 + Math.Exp(signedDistance / (0.4 * EdgeWidthMm)));
}
