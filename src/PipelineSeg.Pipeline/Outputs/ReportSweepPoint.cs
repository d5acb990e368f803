using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>One threshold of a sweep: the segment's overlap metrics at it (surface distances are not computed: null, with the reason).</summary>
public sealed record ReportSweepPoint(double Threshold, SegmentEvaluation Metrics);
