using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Start-up recovery, before the intake and the runner start: every job this instance left Running is completed or
/// failed from the folders (its input already in done/ or failed/) or re-queued (input still in work/, temporary results
/// removed); an interrupted <c>jobs retry</c> is re-queued; a claim left in work/ without a job is rolled forward
/// (split and queued) or, for loose files, rolled back into the inbox; temporary result folders of no running job are removed.
/// </summary>
internal sealed class JobRecovery(IJobJournal journal, WatchLayouts layouts, JobFinisher finisher, ClaimEnqueuer enqueuer, ServiceInstance instance,
    TimeProvider time, ILogger<JobRecovery> logger)
{
    /// <summary>Runs the recovery.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await journal.InitializeAsync(cancellationToken).ConfigureAwait(false);
        int completed = 0, failed = 0, requeued = 0, forward = 0, back = 0, temp = 0;
        foreach (var job in (await journal.ListAsync(JobState.Running, cancellationToken).ConfigureAwait(false)).Where(j => j.Owner == instance.Name))
        {
            if (layouts.ForOrigin(job.Request.Origin) is not { } layout)
            {
                continue; // re-queued below; the runner fails it, naming the folder
            }
            Durable.Remove(layout.TempOf(job.Request.WorkName));
            if (!Directory.Exists(layout.WorkOf(job.Request.WorkName)))
            {
                _ = await finisher.ReconcileAsync(job, layout).ConfigureAwait(false) ? completed++ : failed++;
            }
        }
        var resumed = (await journal.ResumeAsync(instance.Name, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)).Count;
        foreach (var job in await journal.ListAsync(JobState.Failed, cancellationToken).ConfigureAwait(false))
        {
            if (layouts.ForOrigin(job.Request.Origin) is { } layout && Directory.Exists(layout.WorkOf(job.Request.WorkName))
                && await journal.RetryAsync(job.Id, time.GetUtcNow(), null, cancellationToken).ConfigureAwait(false))
            {
                requeued++;
            }
        }
        foreach (var layout in layouts.All)
        {
            var (f, b) = await RecoverClaimsAsync(layout, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            forward += f;
            back += b;
            temp += await RemoveStaleTempAsync(layout, cancellationToken).ConfigureAwait(false);
        }
        JobLog.Recovered(logger, resumed, completed, failed, requeued, forward, back, temp);
    }

    /// <summary>
    /// Claims in work/ without a job and untouched for <paramref name="minimumAge"/>: an export folder is rolled forward
    /// (split and queued), loose files rolled back into the inbox. Run at start and by the intake's periodic rescan
    /// (so a claim whose queuing failed, e.g. on a share that dropped out, does not wait for a restart).
    /// </summary>
    public async Task<(int Forward, int Back)> RecoverClaimsAsync(WatchLayout layout, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int forward = 0, back = 0;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in (Directory.Exists(layout.Work) ? Directory.GetDirectories(layout.Work) : []).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (now - Directory.GetLastWriteTimeUtc(entry) < minimumAge
                || await journal.FindByWorkNameAsync(name, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }
            if (name.StartsWith(InboxClaimer.LoosePrefix + "-", StringComparison.Ordinal))
            {
                RollBack(entry, layout.Inbox);
                back++;
            }
            else
            {
                await enqueuer.EnqueueAsync(layout, name, cancellationToken).ConfigureAwait(false);
                forward++;
            }
        }
        return (forward, back);
    }

    // Loose files claimed without a job go back to the inbox, where they are grouped and claimed again.
    private static void RollBack(string folder, string inbox)
    {
        foreach (var file in InputFiles.Under(folder))
        {
            Durable.MoveFileInto(file, inbox);
        }
        Durable.Remove(folder);
    }

    private async Task<int> RemoveStaleTempAsync(WatchLayout layout, CancellationToken cancellationToken)
    {
        var removed = 0;
        var temps = Directory.Exists(layout.Output) ? Directory.GetDirectories(layout.Output, WatchLayout.TempPrefix + "*") : [];
        foreach (var folder in temps)
        {
            var job = await journal.FindByWorkNameAsync(Path.GetFileName(folder)[WatchLayout.TempPrefix.Length..], cancellationToken).ConfigureAwait(false);
            if (job?.State != JobState.Running)
            {
                Durable.Remove(folder);
                removed++;
            }
        }
        return removed;
    }
}
