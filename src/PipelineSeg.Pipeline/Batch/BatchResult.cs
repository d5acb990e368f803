using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>batch-summary.json: every input's outcome plus the files ignored as non-DICOM.</summary>
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

    /// <summary>Failed (quarantined) inputs.</summary>
    public int Failed => Series.Count(s => s.Status == SeriesStatus.Failed);

    /// <summary>Skipped series.</summary>
    public int Skipped => Series.Count(s => s.Status == SeriesStatus.Skipped);

    /// <summary>Segmented series whose input or result is outside the model card (processed with a warning).</summary>
    public int ApplicabilityWarnings => Series.Count(s => s.Applicability?.Action == ApplicabilityAction.Warned);

    /// <summary>Series the model card refused (counted in <see cref="Failed"/> too).</summary>
    public int Refused => Series.Count(s => s.Applicability?.Action == ApplicabilityAction.Refused);
}
