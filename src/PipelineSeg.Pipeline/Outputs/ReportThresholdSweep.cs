namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// report.json <c>groundTruth.thresholdSweep[]</c>: one scored segment's class probability (its class plus the classes it
/// contains, as scored) binarised at each threshold (voxel is foreground when p &gt; threshold) against its ground truth.
/// </summary>
/// <param name="Label">Class index, as in <c>groundTruth.segments[].label</c>.</param>
/// <param name="Name">Segment label.</param>
/// <param name="Thresholds">Per threshold, ascending, the segment's metrics (like <c>evaluate --json --probability</c>'s <c>thresholds[]</c>).</param>
public sealed record ReportThresholdSweep(int Label, string Name, IReadOnlyList<ReportSweepPoint> Thresholds)
{
    /// <summary>The thresholds batch sweeps: 0.1, 0.2 … 0.9.</summary>
    public static IReadOnlyList<double> Standard { get; } = [.. Enumerable.Range(1, 9).Select(i => i / 10.0)];
}
