using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>The result for one series or rejected file.</summary>
/// <param name="Name">Series key or file name.</param>
/// <param name="Status">Succeeded, skipped or failed.</param>
/// <param name="Message">Reason for a failure or skip; a one-line summary for a success.</param>
/// <param name="OutputFolder">Result folder (success) or quarantine folder (failed input); null when nothing was written.</param>
/// <param name="Report">The report of a success.</param>
public sealed record SeriesOutcome(string Name, SeriesStatus Status, string Message, string? OutputFolder, SeriesReport? Report)
{
    /// <summary>The folder that holds the input's files (their common parent), when known.</summary>
    public string? InputFolder { get; init; }

    /// <summary>The input's files.</summary>
    public IReadOnlyList<string> InputFiles { get; init; } = [];

    /// <summary>The report.json written for a success, when reports are written.</summary>
    public string? ReportFile { get; init; }

    /// <summary>Type name of the exception that failed the series (e.g. DicomException); null for a success or a scan rejection.</summary>
    public string? ErrorType { get; init; }

    /// <summary>True when the input itself is fine and the failure was writing the results (the input is not quarantined).</summary>
    public bool OutputFailed { get; init; }

    /// <summary>The model-card checks: the report's for a success, the refusal's for a series the card refused.</summary>
    public ApplicabilityReport? Applicability { get; init; } = Report?.Applicability;
}
