using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Comparison.Scoring;

/// <summary>The metrics of one model on one case at one threshold.</summary>
public sealed record CaseScore(string Model, string Case, double Threshold, SegmentEvaluation Metrics);
