namespace PipelineSeg.Jobs;

/// <summary>
/// Where a job is. Queued → Running (claim) → Succeeded or Failed; Running → Queued on resume after a crash or on a
/// transient fault; Failed → Queued on an operator's retry. Succeeded and Failed are final otherwise.
/// </summary>
public enum JobState
{
    /// <summary>Waiting to be claimed (its input is in <c>work/</c>); claimable once its not-before time has passed.</summary>
    Queued,

    /// <summary>Claimed by one owner and being processed.</summary>
    Running,

    /// <summary>Results written; the input is in <c>done/</c>.</summary>
    Succeeded,

    /// <summary>Given up (permanent fault, or transient faults past the retry limit); the input is in <c>failed/</c>.</summary>
    Failed,
}
