namespace PipelineSeg.Host.Intake.Outcomes;

/// <summary>What became of a queued item.</summary>
internal enum IntakeOutcomeKind
{
    /// <summary>The batch ran (its series may still have been quarantined one by one).</summary>
    Processed,

    /// <summary>Not processed, with the reason (e.g. already done).</summary>
    Skipped,

    /// <summary>The job itself failed (e.g. the model could not be created, the output is not writable).</summary>
    Failed,
}
