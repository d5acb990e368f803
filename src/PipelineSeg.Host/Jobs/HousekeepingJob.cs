using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Options;
using Quartz;

namespace PipelineSeg.Host.Jobs;

/// <summary>Quartz job (cron <c>Schedules:Housekeeping</c>): forgets sources processed long ago or deleted.</summary>
[DisallowConcurrentExecution]
internal sealed class HousekeepingJob(IntakeTracker tracker, IOptions<ScheduleOptions> options, ILogger<HousekeepingJob> logger) : IJob
{
    /// <summary>Job and trigger name in the store.</summary>
    public const string Name = "housekeeping";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        IntakeLog.Pruned(logger, tracker.Prune(options.Value.RetainProcessedFor));
        return ValueTask.CompletedTask;
    }
}
