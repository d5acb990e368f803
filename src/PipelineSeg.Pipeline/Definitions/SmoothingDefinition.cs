using PipelineSeg.Pipeline.Smoothing;

namespace PipelineSeg.Pipeline.Definitions;

/// <summary>
/// Smoothing of class probabilities along z (<c>Pipelines:&lt;name&gt;:Smoothing</c>); off by default. A Gaussian is
/// scipy's <c>gaussian_filter1d</c> (same σ, truncate and radius); see docs/pipeline.md.
/// </summary>
public sealed class SmoothingDefinition
{
    /// <summary>Window kind.</summary>
    public SmoothingKind Kind { get; set; } = SmoothingKind.None;

    /// <summary>
    /// Neighbour slices either side (1 … <see cref="SmoothingKernel.MaxRadius"/>). Unset: 1 for a moving average, for a
    /// Gaussian scipy's int(<see cref="Truncate"/>·σ + 0.5) with σ in slices.
    /// </summary>
    public int? Radius { get; set; }

    /// <summary>Standard deviation of the Gaussian in slices; 1 when neither this nor <see cref="SigmaMm"/> is set.</summary>
    public double? Sigma { get; set; }

    /// <summary>Standard deviation of the Gaussian in millimetres along z, divided by each series' slice spacing.</summary>
    public double? SigmaMm { get; set; }

    /// <summary>A Gaussian without <see cref="Radius"/> reaches this many σ (scipy's truncate, default 4).</summary>
    public double Truncate { get; set; } = 4;

    /// <summary>What the window does beyond the first and last slice.</summary>
    public SmoothingEdges Edges { get; set; } = SmoothingEdges.Renormalise;

    /// <summary>The weights for a series with <paramref name="sliceSpacingMm"/> between slices (null when smoothing is off).</summary>
    public double[]? KernelFor(double sliceSpacingMm)
    {
        switch (Kind)
        {
            case SmoothingKind.None:
                return null;
            case SmoothingKind.MovingAverage:
                return SmoothingKernel.MovingAverage(Radius ?? 1);
            default:
                if (SigmaMm is not null && !(sliceSpacingMm > 0))
                {
                    throw new InvalidDataException($"Smoothing:SigmaMm needs the slice spacing, which this series lacks ({sliceSpacingMm} mm)");
                }
                var sigma = SigmaMm is { } millimetres ? millimetres / sliceSpacingMm : Sigma ?? 1;
                return SmoothingKernel.Gaussian(sigma, Radius ?? SmoothingKernel.RadiusFor(sigma, Truncate));
        }
    }

    /// <summary>Problems, each naming the field.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (Kind != SmoothingKind.None && Radius is < 1 or > SmoothingKernel.MaxRadius)
        {
            yield return $"{prefix}:Radius must be 1–{SmoothingKernel.MaxRadius}, got {Radius}";
        }
        if (Kind != SmoothingKind.Gaussian)
        {
            yield break;
        }
        if (Sigma is { } sigma && !(sigma > 0 && double.IsFinite(sigma)))
        {
            yield return $"{prefix}:Sigma must be positive, got {sigma}";
        }
        if (SigmaMm is { } mm && !(mm > 0 && double.IsFinite(mm)))
        {
            yield return $"{prefix}:SigmaMm must be positive, got {mm}";
        }
        if (Sigma is not null && SigmaMm is not null)
        {
            yield return $"{prefix}: set Sigma (slices) or SigmaMm (millimetres), not both";
        }
        if (!(Truncate > 0 && double.IsFinite(Truncate)))
        {
            yield return $"{prefix}:Truncate must be positive, got {Truncate}";
        }
    }
}
