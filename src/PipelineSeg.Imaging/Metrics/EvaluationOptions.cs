namespace PipelineSeg.Imaging.Metrics;

/// <summary>What <see cref="SegmentationEvaluator"/> computes.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Labels to report; null = every non-zero label present in either volume (plus 0 when <see cref="ReportBackground"/>).</summary>
    public IReadOnlyList<int>? Labels { get; init; }

    /// <summary>Also report label 0.</summary>
    public bool ReportBackground { get; init; }

    /// <summary>Leave label 0 out of the averages even when it is reported.</summary>
    public bool ExcludeBackgroundFromMean { get; init; } = true;

    /// <summary>Compute HD, HD95 and ASSD (the expensive part).</summary>
    public bool SurfaceDistances { get; init; } = true;

    /// <summary>Also report metrics per z slice (overlap, and 2D HD/HD95/ASSD when <see cref="SurfaceDistances"/> is on).</summary>
    public bool PerSlice { get; init; }

    /// <summary>Label names for reports (label → name).</summary>
    public IReadOnlyDictionary<int, string>? LabelNames { get; init; }
}
