using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Jobs;

/// <summary>Source-generated logs of the schedules.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Nightly batch {Run} started")]
    public static partial void NightlyStarted(ILogger logger, string run);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Nightly batch {Run}: {Succeeded} segmented, {Failed} failed, {Skipped} skipped")]
    public static partial void NightlyFinished(ILogger logger, string run, int succeeded, int failed, int skipped);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Schedule {Job}: {Change} (cron '{Cron}', next run {NextUtc:u})")]
    public static partial void Scheduled(ILogger logger, string job, string change, string cron, DateTimeOffset? nextUtc);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Schedule {Job}: removed (no longer configured)")]
    public static partial void Unscheduled(ILogger logger, string job);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Nightly batch {Run}: summary.csv/summary.html not written: {Reason}")]
    public static partial void NightlySummaryFailed(ILogger logger, string run, string reason);
}
