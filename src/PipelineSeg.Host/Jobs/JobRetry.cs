using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// <c>pipelineseg jobs retry ID</c>: a failed job's input goes back from failed/ to work/ (its error.json removed) and
/// the job is re-queued; a running service picks it up within a second. A crash between the two steps is finished by
/// the service's start-up recovery (a Failed job whose input is in work/ is re-queued).
/// </summary>
internal sealed class JobRetry(IJobJournal journal, WatchLayouts layouts, ServiceDirectories directories, TimeProvider time)
{
    /// <summary>Re-queues job <paramref name="id"/>; returns null on success, else why it was not re-queued.</summary>
    public async Task<string?> RetryAsync(long id, CancellationToken cancellationToken)
    {
        if (!File.Exists(directories.JournalFile))
        {
            return $"no job journal at {directories.JournalFile}";
        }
        var job = await journal.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return $"no job {id}";
        }
        if (job.State != JobState.Failed)
        {
            return $"job {id} is {JobStates.Name(job.State)}; only failed jobs are retried";
        }
        if (layouts.ForOrigin(job.Request.Origin) is not { } layout)
        {
            return $"job {id} came from {job.Request.Origin}, which is not a configured watched folder";
        }
        var name = job.Request.WorkName;
        if (Directory.Exists(layout.FailedOf(name)))
        {
            Directory.CreateDirectory(layout.Work);
            Directory.Move(layout.FailedOf(name), layout.WorkOf(name));
            Durable.Remove(Path.Combine(layout.WorkOf(name), JobErrorFile.FileName));
        }
        else if (!Directory.Exists(layout.WorkOf(name)))
        {
            return $"job {id}: its input {name} is not in {layout.Failed}";
        }
        return await journal.RetryAsync(id, time.GetUtcNow(), null, cancellationToken).ConfigureAwait(false) ? null : $"job {id} changed state meanwhile";
    }
}
