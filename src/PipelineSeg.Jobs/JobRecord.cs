namespace PipelineSeg.Jobs;

/// <summary>One row of the journal: one job, one input series. Hashes and versions only, never patient data.</summary>
/// <param name="Id">Journal id (what <c>pipelineseg jobs retry ID</c> takes).</param>
/// <param name="Request">What was enqueued.</param>
/// <param name="State">Where the job is.</param>
/// <param name="Attempts">How often processing started or was retried (a resume after a crash counts too).</param>
/// <param name="Owner">The service instance that holds it while running; null otherwise.</param>
/// <param name="EnqueuedUtc">When it was enqueued.</param>
/// <param name="NotBeforeUtc">Not claimed before this time (backoff after a transient fault).</param>
/// <param name="StartedUtc">Start of the latest attempt.</param>
/// <param name="FinishedUtc">When it succeeded or failed for good.</param>
/// <param name="Error">The latest error (kind and message); null when none.</param>
public sealed record JobRecord(
    long Id,
    JobRequest Request,
    JobState State,
    int Attempts,
    string? Owner,
    DateTimeOffset EnqueuedUtc,
    DateTimeOffset NotBeforeUtc,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    string? Error);
