namespace PipelineSeg.Jobs;

/// <summary>
/// The durable job journal. Every state change is one atomic, durable write, so a kill -9 at any point leaves each job
/// in exactly one state. Claims are compare-and-set transitions (<c>UPDATE … WHERE state = 'queued'</c>), which every
/// SQL engine can express: SQLite serialises writers; PostgreSQL adds <c>FOR UPDATE SKIP LOCKED</c> to the choice of
/// the row so several instances can claim side by side. Owner-checked transitions fail (return false/null) when the
/// job is no longer the caller's, so a resumed or retried job is never finished twice.
/// </summary>
public interface IJobJournal
{
    /// <summary>Creates the schema when missing (idempotent; run at start-up).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds a Queued job, or returns the existing one with the same <see cref="JobRequest.DedupKey"/>.</summary>
    Task<EnqueueResult> EnqueueAsync(JobRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Atomically moves the oldest due Queued job to Running for <paramref name="owner"/> (attempts + 1); null when none is due.</summary>
    Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt that will be retried in-process (attempts + 1, error kept); false when not <paramref name="owner"/>'s.</summary>
    Task<bool> RecordAttemptAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Running → Succeeded; false when the job is not Running for <paramref name="owner"/>.</summary>
    Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Running → Failed with <paramref name="error"/>; false when the job is not Running for <paramref name="owner"/>.</summary>
    Task<bool> FailAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Failed → Queued (an operator's retry, or a new copy of a failed series); <paramref name="replacement"/> points the
    /// job at that new input. False when the job is not Failed.
    /// </summary>
    Task<bool> RetryAsync(long id, DateTimeOffset now, JobRequest? replacement, CancellationToken cancellationToken);

    /// <summary>Every Running job of <paramref name="owner"/> back to Queued (start-up after a crash); returns them.</summary>
    Task<IReadOnlyList<JobRecord>> ResumeAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    Task<JobRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The job whose input folder is <paramref name="workName"/>, or null.</summary>
    Task<JobRecord?> FindByWorkNameAsync(string workName, CancellationToken cancellationToken);

    /// <summary>Jobs in id order, only those in <paramref name="state"/> when given.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(JobState? state, CancellationToken cancellationToken);
}
