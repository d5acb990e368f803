using PipelineSeg.Comparison.Datasets;

namespace PipelineSeg.Comparison.Running;

/// <summary>What to compare: models, dataset split, thresholds.</summary>
public sealed record ComparisonRequest
{
    /// <summary>The labelled dataset.</summary>
    public required DatasetDescription Dataset { get; init; }

    /// <summary>The split compared.</summary>
    public required string Split { get; init; }

    /// <summary>The models, in table order (names unique).</summary>
    public required IReadOnlyList<ModelUnderTest> Models { get; init; }

    /// <summary>Thresholds the probabilities are binarised at (foreground where p &gt; t).</summary>
    public required IReadOnlyList<double> Thresholds { get; init; }

    /// <summary>Slices per model call, as the service (<c>Inference:SlicesPerBatch</c>).</summary>
    public int SlicesPerBatch { get; init; } = 4;

    /// <summary>When set, each case's probability map per model and its ground truth are written here as NIfTI (for <c>evaluate</c>).</summary>
    public string? MapsFolder { get; init; }
}
