using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>One input in batch-summary.json.</summary>
/// <param name="Name">Series key (Series Instance UID, #n for split stacks) or file name.</param>
/// <param name="Status">Succeeded, skipped or failed.</param>
/// <param name="Message">Reason for a failure or skip; a one-line summary for a success.</param>
/// <param name="InputFolder">The folder holding the input's files, relative to the batch input.</param>
/// <param name="OutputFolder">Result or quarantine folder, relative to the batch output; null when nothing was written.</param>
/// <param name="Report">report.json of a success, relative to the batch output.</param>
/// <param name="OutputFailed">The input is fine but its results could not be written (it was not quarantined).</param>
/// <param name="Applicability">The model-card checks of a series the card refused (it has no report that would hold them).</param>
public sealed record BatchSummaryEntry(string Name, SeriesStatus Status, string Message, string? InputFolder, string? OutputFolder, string? Report, bool OutputFailed,
    ApplicabilityReport? Applicability);
