using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.Evaluation;

/// <summary>A probability map against one ground-truth label: soft Jaccard and the metrics at each threshold.</summary>
/// <param name="Prediction">Probability map path.</param>
/// <param name="GroundTruth">Ground-truth path.</param>
/// <param name="Label">Ground-truth label treated as foreground.</param>
/// <param name="Alignment">How the map was brought onto the ground-truth grid.</param>
/// <param name="SoftJaccard">Σ min(p, g) / Σ max(p, g).</param>
/// <param name="Sweep">Metrics of the map binarised at each threshold (p &gt; t).</param>
public sealed record ProbabilityEvaluationResult(
    string Prediction,
    string GroundTruth,
    int Label,
    GridRelation Alignment,
    double SoftJaccard,
    IReadOnlyList<(double Threshold, SegmentEvaluation Metrics)> Sweep);
