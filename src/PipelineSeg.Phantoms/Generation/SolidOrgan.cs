namespace PipelineSeg.Phantoms.Generation;

/// <summary>A homogeneous solid organ (e.g. the spleen): an irregular ellipsoid with one attenuation.</summary>
public sealed class SolidOrgan
{
    /// <summary>Creates an organ.</summary>
    public SolidOrgan(Ellipsoid shape, SurfaceRipple ripple, double hu)
    {
        ArgumentNullException.ThrowIfNull(ripple);
        (Shape, Ripple, Hu) = (shape, ripple, hu);
    }

    /// <summary>Base shape.</summary>
    public Ellipsoid Shape { get; }

    /// <summary>Outline irregularity (normalized-radius units).</summary>
    public SurfaceRipple Ripple { get; }

    /// <summary>Attenuation (HU).</summary>
    public double Hu { get; }

    /// <summary>True when the point is inside the organ.</summary>
    public bool Contains(double x, double y, double z) =>
        Shape.MayContain(x, y, z, Ripple.MaxAmplitude * Shape.MeanRadius)
        && Shape.NormalizedRadius(x, y, z) + Ripple.Offset(x, y, z) < 1.0;
}
