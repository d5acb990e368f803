namespace PipelineSeg.Pipeline.Applicability;

/// <summary>What the policy did with the verdicts.</summary>
public enum ApplicabilityAction
{
    /// <summary>Nothing to say (every check passed, or policy pass).</summary>
    None,

    /// <summary>Processed, with a warning in the report, the SEG and the batch summary.</summary>
    Warned,

    /// <summary>Not processed; the series was quarantined with the reason.</summary>
    Refused,
}
