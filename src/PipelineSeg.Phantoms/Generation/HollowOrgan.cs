namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// A gut segment (stomach, bowel loop): a soft-tissue wall around fluid, optional oral contrast and gas that rises to
/// the anterior side (the patient lies supine, anterior is −y).
/// </summary>
public sealed class HollowOrgan
{
    /// <summary>Creates a hollow organ.</summary>
    public HollowOrgan(Ellipsoid shape, double wallMm, double wallHu, double contentHu, double gasFraction)
    {
        (Shape, WallMm, WallHu, ContentHu, GasFraction) = (shape, wallMm, wallHu, contentHu, gasFraction);
    }

    /// <summary>Outer shape.</summary>
    public Ellipsoid Shape { get; }

    /// <summary>Wall thickness (mm).</summary>
    public double WallMm { get; }

    /// <summary>Wall attenuation (HU).</summary>
    public double WallHu { get; }

    /// <summary>Luminal content attenuation (HU): fluid, chyme or oral contrast.</summary>
    public double ContentHu { get; }

    /// <summary>Fraction (0–1) of the antero-posterior diameter filled with gas.</summary>
    public double GasFraction { get; }

    /// <summary>Attenuation at a point; false outside the organ.</summary>
    public bool TrySample(double x, double y, double z, out double hu)
    {
        hu = 0;
        if (!Shape.MayContain(x, y, z))
        {
            return false;
        }
        var d = Shape.SignedDistance(x, y, z);
        if (d >= 0)
        {
            return false;
        }
        if (d > -WallMm)
        {
            hu = WallHu;
            return true;
        }
        var gasLevel = Shape.CenterY - Shape.RadiusY + (2 * Shape.RadiusY * GasFraction);
        hu = y < gasLevel ? -950 : ContentHu;
        return true;
    }
}
