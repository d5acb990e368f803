using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Reporting.Summary;

/// <summary>One input of a batch as the summary shows it, with the figures taken from its report.json.</summary>
/// <param name="Name">Result folder (series) or, for a failure, the input's name.</param>
/// <param name="Status">Succeeded, skipped or failed.</param>
/// <param name="Message">The batch's one-line outcome (a failure's reason).</param>
/// <param name="InputFolder">The input folder of a failed or skipped input (so it can be found); null for a success.</param>
/// <param name="Report">report.html (else report.json) relative to the batch output; null when there is none.</param>
/// <param name="TotalMs">Processing time of the series (report.json timingsMs.total).</param>
/// <param name="Segments">Per segment (in report order): its predicted volume and, with ground truth, its metrics by metric key.</param>
public sealed record SummaryRow(
    string Name,
    SeriesStatus Status,
    string Message,
    string? InputFolder,
    string? Report,
    double? TotalMs,
    IReadOnlyList<SummarySegment> Segments);
