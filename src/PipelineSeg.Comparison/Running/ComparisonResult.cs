using PipelineSeg.Comparison.Scoring;

namespace PipelineSeg.Comparison.Running;

/// <summary>What a comparison found: every case score, the rows over cases, and notes (the segment each model was scored on).</summary>
public sealed record ComparisonResult(string Dataset, string Split, IReadOnlyList<string> Models, IReadOnlyList<double> Thresholds,
    IReadOnlyList<CaseScore> Cases, IReadOnlyList<string> Notes)
{
    /// <summary>Mean and SD per model and threshold.</summary>
    public IReadOnlyList<ThresholdSummary> Summaries { get; } = ThresholdSummary.Of(Cases);
}
