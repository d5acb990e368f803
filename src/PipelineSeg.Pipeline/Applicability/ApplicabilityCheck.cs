using System.Text.Json.Serialization;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>One check against the model card, as report.json shows it.</summary>
/// <param name="Name">Check name, e.g. <c>modality</c>, <c>intensityHistogram</c>, <c>segmentVolume</c>.</param>
/// <param name="Segment">The segment a result check is about; null for input checks.</param>
/// <param name="Figure">What was measured, with its unit (e.g. "0.214", "1.60 mm", "MR").</param>
/// <param name="Expected">What the card accepts (e.g. "≤ 0.08", "3–5 mm", "CT").</param>
/// <param name="Verdict">Pass, warn or fail.</param>
/// <param name="Message">One readable sentence.</param>
public sealed record ApplicabilityCheck(string Name, string? Segment, string Figure, string Expected, CheckVerdict Verdict, string Message)
{
    /// <summary>A failure of this check is refused even under <see cref="ApplicabilityPolicy.Warn"/> (wrong modality).</summary>
    [JsonIgnore]
    public bool Blocking { get; init; }
}
