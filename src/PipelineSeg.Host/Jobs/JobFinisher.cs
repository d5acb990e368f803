using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Ends a job: the input is moved (one rename) to done/ or failed/ first, then the journal records it. A crash between
/// the two leaves a Running job whose input is already in done/ or failed/, which <see cref="ReconcileAsync"/> (run by
/// the recovery and by the runner) completes from the folders.
/// </summary>
internal sealed class JobFinisher(IJobJournal journal, ServiceInstance instance, TimeProvider time, IEnumerable<IJobObserver> observers, ILogger<JobFinisher> logger)
{
    /// <summary>Results are in place: input to done/, job Succeeded.</summary>
    public async Task SucceedAsync(JobRecord job, WatchLayout layout, BatchResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(result);
        var name = job.Request.WorkName;
        Directory.Move(layout.WorkOf(name), layout.DoneOf(name));
        await journal.CompleteAsync(job.Id, instance.Name, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        JobLog.Succeeded(logger, job.Id, name, result.Succeeded, result.Skipped, elapsed.TotalSeconds);
        foreach (var observer in observers)
        {
            observer.Succeeded(job, result, elapsed);
        }
    }

    /// <summary>Given up: error.json written into the input, input to failed/, job Failed, temporary results removed.</summary>
    public async Task FailAsync(JobRecord job, WatchLayout layout, JobFault fault, int attempts)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(fault);
        var name = job.Request.WorkName;
        var now = time.GetUtcNow();
        JobErrorFile.Write(layout.WorkOf(name), job, fault, attempts, now);
        Directory.Move(layout.WorkOf(name), layout.FailedOf(name));
        Durable.Remove(layout.TempOf(name));
        await journal.FailAsync(job.Id, instance.Name, $"{fault.Stage}: {fault.Message}", now, CancellationToken.None).ConfigureAwait(false);
        JobLog.Failed(logger, job.Id, name, fault.Transient ? "transient" : "permanent", fault.Stage, fault.ExceptionType, attempts, fault.Message);
        foreach (var observer in observers)
        {
            observer.Failed(job);
        }
    }

    /// <summary>
    /// A Running job whose input is no longer in work/: finished before a crash (done/ or failed/ holds it), or lost.
    /// Returns "completed" or "failed".
    /// </summary>
    public async Task<bool> ReconcileAsync(JobRecord job, WatchLayout layout)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(layout);
        var name = job.Request.WorkName;
        var now = time.GetUtcNow();
        Durable.Remove(layout.TempOf(name));
        if (Directory.Exists(layout.DoneOf(name)))
        {
            await journal.CompleteAsync(job.Id, instance.Name, now, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        var reason = Directory.Exists(layout.FailedOf(name))
            ? JobErrorFile.ReadReason(layout.FailedOf(name)) ?? "failed before a restart"
            : $"input {name} is in neither work/, done/ nor failed/";
        await journal.FailAsync(job.Id, instance.Name, reason, now, CancellationToken.None).ConfigureAwait(false);
        return false;
    }
}
