namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// batch-summary.json: which input folder went to which output folder, each outcome, and the report of each success
/// referenced by its path (the reports themselves live next to the SEGs). Paths are relative to
/// <see cref="Input"/> and <see cref="Output"/>.
/// </summary>
public sealed record BatchSummary(
    string Input,
    string Output,
    string Pipeline,
    string Model,
    int Succeeded,
    int Failed,
    int Skipped,
    int ApplicabilityWarnings,
    int Refused,
    string? Message,
    IReadOnlyList<BatchSummaryEntry> Series,
    IReadOnlyList<string> Ignored,
    double ElapsedMs)
{
    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static BatchSummary From(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BatchSummary(result.Input, result.Output, result.Pipeline, result.Model, result.Succeeded, result.Failed, result.Skipped,
            result.ApplicabilityWarnings, result.Refused,
            result.NothingFound ? result.NothingFoundMessage : null,
            [.. result.Series.Select(s => new BatchSummaryEntry(
                s.Name,
                s.Status,
                s.Message,
                Relative(result.Input, s.InputFolder),
                Relative(result.Output, s.OutputFolder),
                Relative(result.Output, s.ReportFile),
                s.OutputFailed,
                s.Report is null ? s.Applicability : null))],
            result.Ignored,
            result.ElapsedMs);
    }

    private static string? Relative(string root, string? path) =>
        path is null ? null : Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
