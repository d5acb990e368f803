namespace PipelineSeg.Host.Operations.Dashboard;

/// <summary>One row of the dashboard's job table.</summary>
/// <param name="Id">Journal id (as <c>pipelineseg jobs</c> shows it).</param>
/// <param name="State">queued, running, succeeded or failed.</param>
/// <param name="SeriesHash">Keyed hash of the series UID (never the UID or a patient attribute).</param>
/// <param name="Pipeline">Pipeline name and version.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="EnqueuedUtc">When it was queued.</param>
/// <param name="Duration">Latest attempt's wall time; null while queued.</param>
/// <param name="ReportLink">Link to its report.html (or report.json) when the results are in place.</param>
/// <param name="ErrorLink">Link to its error.json when it failed.</param>
/// <param name="Error">The latest error text from the journal.</param>
internal sealed record DashboardJob(
    long Id,
    string State,
    string SeriesHash,
    string Pipeline,
    int Attempts,
    DateTimeOffset EnqueuedUtc,
    TimeSpan? Duration,
    string? ReportLink,
    string? ErrorLink,
    string? Error);
