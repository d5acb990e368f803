using PipelineSeg.Pipeline.Smoothing;

namespace PipelineSeg.Pipeline.Definitions;

/// <summary>Smoothing of class probabilities along z (<c>Pipelines:&lt;name&gt;:Smoothing</c>); off by default.</summary>
public sealed class SmoothingDefinition
{
    /// <summary>Window kind.</summary>
    public SmoothingKind Kind { get; set; } = SmoothingKind.None;

    /// <summary>Neighbour slices either side (≥ 1 when smoothing).</summary>
    public int Radius { get; set; } = 1;

    /// <summary>Standard deviation of the Gaussian, in slices.</summary>
    public double Sigma { get; set; } = 1;

    /// <summary>Problems, each naming the field.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (Kind != SmoothingKind.None && Radius is < 1 or > 16)
        {
            yield return $"{prefix}:Radius must be 1–16, got {Radius}";
        }
        if (Kind == SmoothingKind.Gaussian && !(Sigma > 0))
        {
            yield return $"{prefix}:Sigma must be positive, got {Sigma}";
        }
    }
}
