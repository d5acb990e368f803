namespace PipelineSeg.Imaging.Metrics;

/// <summary>Per-segment metrics and their averages.</summary>
public sealed record EvaluationReport(IReadOnlyList<SegmentEvaluation> Segments, MeanEvaluation Mean);
