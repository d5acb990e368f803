namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>What a smoothing window does where it reaches beyond the first or last slice of the series.</summary>
public enum SmoothingEdges
{
    /// <summary>
    /// Missing neighbours are left out and the remaining weights renormalised (no slice is invented). Equals scipy's
    /// <c>gaussian_filter1d(p, mode="constant") / gaussian_filter1d(ones, mode="constant")</c>.
    /// </summary>
    Renormalise,

    /// <summary>The end slice stands in for the missing neighbours (scipy <c>mode="nearest"</c>).</summary>
    Nearest,
}
