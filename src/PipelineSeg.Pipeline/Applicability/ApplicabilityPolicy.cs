namespace PipelineSeg.Pipeline.Applicability;

/// <summary>What a pipeline does when a series or a result falls outside the model card (see docs/model-card.md).</summary>
public enum ApplicabilityPolicy
{
    /// <summary>Check and record in report.json, but never warn or refuse.</summary>
    Pass,

    /// <summary>Process and say so (report, SEG content description, batch summary); only a modality the model was not made for is refused.</summary>
    Warn,

    /// <summary>A series that fails any input check goes to the quarantine with the reason; result flags are warnings.</summary>
    Refuse,
}
