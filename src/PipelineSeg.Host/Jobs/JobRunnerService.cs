using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Takes jobs from the durable journal one at a time (an atomic claim, so several instances on one journal never take
/// the same job) and runs them. Woken by <see cref="JobSignal"/>, and polls every second for jobs whose backoff ended or
/// that another process queued (<c>pipelineseg jobs retry</c>). On shutdown the job in progress is re-queued.
/// </summary>
internal sealed class JobRunnerService(IJobJournal journal, JobExecutor executor, JobSignal signal, ServiceInstance instance, TimeProvider time,
    ILogger<JobRunnerService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                JobRecord? job;
                try
                {
                    job = await journal.ClaimNextAsync(instance.Name, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    JobLog.JournalUnavailable(logger, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                if (job is null)
                {
                    await signal.WaitAsync(Poll, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private async Task RunAsync(JobRecord job, CancellationToken stoppingToken)
    {
        try
        {
            await executor.RunAsync(job, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await journal.ResumeAsync(instance.Name, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            JobLog.Interrupted(logger, job.Id);
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // Moving the input or writing the journal failed after the work: the job stays Running and the start-up
            // recovery finishes it from the folders.
            JobLog.FinishFailed(logger, job.Id, e.Message);
        }
    }
}
