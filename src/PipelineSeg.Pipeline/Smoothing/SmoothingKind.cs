namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>How class probabilities are smoothed along z across neighbouring slices.</summary>
public enum SmoothingKind
{
    /// <summary>No smoothing.</summary>
    None,

    /// <summary>Mean over the slice and <c>Radius</c> neighbours either side.</summary>
    MovingAverage,

    /// <summary>Gaussian weights (standard deviation <c>Sigma</c> slices) over the slice and <c>Radius</c> neighbours either side.</summary>
    Gaussian,
}
