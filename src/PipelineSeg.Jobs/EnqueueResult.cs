namespace PipelineSeg.Jobs;

/// <summary>The answer to an enqueue: the job with that dedup key, and whether this call created it.</summary>
/// <param name="Job">The new job, or the existing one with the same dedup key.</param>
/// <param name="Created">False when a job with the same key already existed (the input is a duplicate).</param>
public sealed record EnqueueResult(JobRecord Job, bool Created);
