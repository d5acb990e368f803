using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;
using Polly;
using Polly.Retry;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Runs one claimed job to its end: attempts with Polly retries (exponential backoff with jitter, up to
/// <c>Retries:MaxAttempts</c>) for transient faults, each retry recorded in the journal; a permanent fault, or the last
/// transient one, fails the job. Cancellation (shutdown) propagates and leaves the job for the runner to re-queue.
/// </summary>
internal sealed class JobExecutor(IJobJournal journal, WatchLayouts layouts, JobAttempt attempt, JobFinisher finisher, ServiceInstance instance,
    IOptions<RetryOptions> retries, TimeProvider time, ILogger<JobExecutor> logger)
{
    /// <summary>Processes <paramref name="job"/> (claimed, Running for this instance).</summary>
    public async Task RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var name = job.Request.WorkName;
        var layout = layouts.ForOrigin(job.Request.Origin);
        if (layout is null)
        {
            await journal.FailAsync(job.Id, instance.Name, $"claim: watched folder {job.Request.Origin} is no longer configured; its input stays in its work/ folder",
                time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return;
        }
        if (!Directory.Exists(layout.WorkOf(name)))
        {
            await finisher.ReconcileAsync(job, layout).ConfigureAwait(false);
            return;
        }
        JobLog.Started(logger, job.Id, name, job.Attempts);
        var attempts = job.Attempts;
        var clock = Stopwatch.StartNew();
        BatchResult result;
        try
        {
            result = await Pipeline(job, () => attempts++).ExecuteAsync(
                async token => await attempt.RunAsync(job, layout, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await finisher.FailAsync(job, layout, JobFault.From(e, "segment"), attempts).ConfigureAwait(false);
            return;
        }
        await finisher.SucceedAsync(job, layout, result, clock.Elapsed).ConfigureAwait(false);
    }

    private ResiliencePipeline Pipeline(JobRecord job, Action counted)
    {
        var options = retries.Value;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<JobFault>(f => f.Transient),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Delay,
                MaxDelay = options.MaxDelay,
                OnRetry = async args =>
                {
                    counted();
                    var fault = (JobFault)args.Outcome.Exception!;
                    JobLog.Retrying(logger, job.Id, args.AttemptNumber + 1, fault.Stage, fault.Message, args.RetryDelay);
                    await journal.RecordAttemptAsync(job.Id, instance.Name, $"{fault.Stage}: {fault.Message}", time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                },
            });
        }
        return builder.Build();
    }
}
