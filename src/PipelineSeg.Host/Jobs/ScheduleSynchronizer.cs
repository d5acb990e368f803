using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using Quartz;
using Quartz.Extensibility;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Brings the stored schedule in line with <c>Schedules:*</c> before the scheduler starts (Quartz starts once the
/// application has started). A stored trigger whose cron is unchanged is left exactly as stored — its next fire time
/// included — so a run missed while the service was down is still due and fires once at start (misfire instruction
/// FireAndProceed, then the schedule goes on). A changed cron replaces the trigger; a schedule no longer configured is
/// removed. Every instance of a cluster runs this; they all write the same thing.
/// </summary>
internal sealed class ScheduleSynchronizer(ISchedulerFactory schedulers, IOptions<ScheduleOptions> options, ILogger<ScheduleSynchronizer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var o = options.Value;
        await SyncAsync<HousekeepingJob>(scheduler, HousekeepingJob.Name, o.Housekeeping, cancellationToken).ConfigureAwait(false);
        await SyncAsync<NightlyBatchJob>(scheduler, NightlyBatchJob.Name, o.NightlyBatch.Enabled ? o.NightlyBatch.Cron : null, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The trigger every schedule uses: cron, and a missed firing fires once, then the schedule continues.</summary>
    public static ITrigger Trigger(string name, string cron) => TriggerBuilder.Create()
        .WithIdentity(name)
        .ForJob(name)
        .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    private async Task SyncAsync<TJob>(IScheduler scheduler, string name, string? cron, CancellationToken cancellationToken) where TJob : IJob
    {
        var stored = await scheduler.GetTrigger(new TriggerKey(name), cancellationToken).ConfigureAwait(false) as ICronTrigger;
        if (cron is null)
        {
            if (await scheduler.DeleteJob(new JobKey(name), cancellationToken).ConfigureAwait(false))
            {
                SchedulerLog.Unscheduled(logger, name);
            }
            return;
        }
        if (stored is not null && stored.CronExpressionString == cron)
        {
            SchedulerLog.Scheduled(logger, name, "kept", cron, (stored as IMutableTrigger)?.NextFireTimeUtc);
            return;
        }
        var job = JobBuilder.Create<TJob>().WithIdentity(name).StoreDurably().Build();
        var trigger = Trigger(name, cron);
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        SchedulerLog.Scheduled(logger, name, stored is null ? "added" : "changed", cron, new CronExpression(cron).GetNextValidTimeAfter(DateTimeOffset.UtcNow));
    }
}
