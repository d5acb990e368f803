using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Hosting;
using Quartz;

namespace PipelineSeg.Host.Jobs;

/// <summary>Quartz job (cron <c>Schedules:Rescan</c>): full rescan of every watched folder.</summary>
[DisallowConcurrentExecution]
internal sealed class RescanJob(IntakeRescanner rescanner, ILogger<RescanJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        HostLog.Rescanned(logger, rescanner.RescanAll());
        return ValueTask.CompletedTask;
    }
}
