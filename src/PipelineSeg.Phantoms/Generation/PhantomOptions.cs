namespace PipelineSeg.Phantoms.Generation;

/// <summary>
/// Acquisition settings of a phantom scan. Unset (null) values are drawn from the seed, so a plain seed already gives
/// varied fields of view, slice spacings and noise levels.
/// </summary>
public sealed record PhantomOptions
{
    /// <summary>Rows and columns of each slice.</summary>
    public int Size { get; init; } = 256;

    /// <summary>Number of axial slices.</summary>
    public int Slices { get; init; } = 48;

    /// <summary>Square field of view (mm); drawn from 340–400 mm when null.</summary>
    public double? FieldOfViewMm { get; init; }

    /// <summary>Distance between slice centres (mm); drawn from 3–5 mm when null.</summary>
    public double? SliceSpacingMm { get; init; }

    /// <summary>Standard deviation of the (spatially correlated) quantum noise (HU); drawn from 10–15 HU when null.</summary>
    public double? NoiseSigmaHu { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Size is < 16 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), Size, "slice size must be between 16 and 1024");
        }
        if (Slices is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Slices), Slices, "slice count must be between 1 and 1024");
        }
        if (FieldOfViewMm is { } fov && fov is < 50 or > 700)
        {
            throw new ArgumentOutOfRangeException(nameof(FieldOfViewMm), fov, "field of view must be 50–700 mm");
        }
        if (SliceSpacingMm is { } dz && dz is < 0.3 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(SliceSpacingMm), dz, "slice spacing must be 0.3–20 mm");
        }
        if (NoiseSigmaHu is { } sigma && sigma is < 0 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseSigmaHu), sigma, "noise must be 0–200 HU");
        }
    }
}
