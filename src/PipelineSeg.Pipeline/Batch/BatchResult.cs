using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>Every input's outcome plus the files ignored as non-DICOM (batch-summary.json is written from it, see <see cref="BatchSummary"/>).</summary>
public sealed record BatchResult(
    string Input,
    string Output,
    string Pipeline,
    string Model,
    IReadOnlyList<SeriesOutcome> Series,
    IReadOnlyList<string> Ignored,
    double ElapsedMs)
{
    /// <summary>Segmented series.</summary>
    public int Succeeded => Series.Count(s => s.Status == SeriesStatus.Succeeded);

    /// <summary>Failed inputs (quarantined) and series whose results could not be written.</summary>
    public int Failed => Series.Count(s => s.Status == SeriesStatus.Failed);

    /// <summary>Failed inputs that were quarantined.</summary>
    public int Quarantined => Series.Count(s => s.Status == SeriesStatus.Failed && !s.OutputFailed);

    /// <summary>Skipped series.</summary>
    public int Skipped => Series.Count(s => s.Status == SeriesStatus.Skipped);

    /// <summary>The input held no DICOM series to process (and no broken DICOM file): reported, not silently "all good".</summary>
    public bool NothingFound => Series.Count == 0;

    /// <summary>What a user reads when <see cref="NothingFound"/>.</summary>
    public string NothingFoundMessage => $"no DICOM series found in '{Input}'" + (Ignored.Count > 0 ? $" ({Ignored.Count} non-DICOM file(s) ignored)" : string.Empty);

    /// <summary>Segmented series whose input or result is outside the model card (processed with a warning).</summary>
    public int ApplicabilityWarnings => Series.Count(s => s.Applicability?.Action == ApplicabilityAction.Warned);

    /// <summary>Series the model card refused (counted in <see cref="Failed"/> too).</summary>
    public int Refused => Series.Count(s => s.Applicability?.Action == ApplicabilityAction.Refused);
}
