namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Histogram of the training voxels inside the body (modality value above <see cref="BodyThreshold"/>) after the
/// model's intensity transform, over [<see cref="Min"/>, <see cref="Max"/>] in equal bins; values outside the range
/// count in the edge bins. The pipeline builds the same histogram from a sample of a series' slices and compares the two
/// by the Wasserstein-1 distance on this axis.
/// </summary>
public sealed class IntensityHistogram
{
    /// <summary>Voxels with a modality value (HU for CT) above this are "inside the body".</summary>
    public double BodyThreshold { get; init; } = -500;

    /// <summary>Lower edge of the first bin, on the normalised axis.</summary>
    public required double Min { get; init; }

    /// <summary>Upper edge of the last bin, on the normalised axis.</summary>
    public required double Max { get; init; }

    /// <summary>Relative frequency per bin (sums to 1).</summary>
    public required IReadOnlyList<double> Frequencies { get; init; }

    /// <summary>Largest Wasserstein-1 distance (normalised units) still "like the training data"; configuration may override it.</summary>
    public required double MaxDistance { get; init; }

    /// <summary>How the histogram was made (script, seeds), for the reader of the card.</summary>
    public string? Source { get; init; }
}
