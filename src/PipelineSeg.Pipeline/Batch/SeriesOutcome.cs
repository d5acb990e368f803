using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>The result for one series or rejected file.</summary>
/// <param name="Name">Series key or file name.</param>
/// <param name="Status">Succeeded, skipped or failed.</param>
/// <param name="Message">Reason for a failure or skip; a one-line summary for a success.</param>
/// <param name="OutputFolder">Result folder (success) or quarantine folder (failure).</param>
/// <param name="Report">The report of a success.</param>
public sealed record SeriesOutcome(string Name, SeriesStatus Status, string Message, string? OutputFolder, SeriesReport? Report)
{
    /// <summary>The model-card checks: the report's for a success, the refusal's for a series the card refused.</summary>
    public ApplicabilityReport? Applicability { get; init; } = Report?.Applicability;
}
