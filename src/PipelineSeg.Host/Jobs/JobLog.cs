using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Source-generated job logs. Jobs are named by journal id, work name (a hash) and series UID hash only; no input
/// name and no patient attribute is ever logged.
/// </summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Job {Id} queued: {Name} (series {Series})")]
    public static partial void Queued(ILogger logger, long id, string name, string series);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Job {Id} re-queued with a new copy of its input: {Name}")]
    public static partial void RequeuedWithNewCopy(ILogger logger, long id, string name);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "{Name}: duplicate of job {Id} ({State}) for the same series and pipeline version; moved to done/ unprocessed")]
    public static partial void Duplicate(ILogger logger, string name, long id, string state);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Job {Id} started: {Name}, attempt {Attempt}")]
    public static partial void Started(ILogger logger, long id, string name, int attempt);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Job {Id} done: {Name}, {Succeeded} segmented, {Skipped} skipped in {Seconds:F1} s; input in done/")]
    public static partial void Succeeded(ILogger logger, long id, string name, int succeeded, int skipped, double seconds);

    [LoggerMessage(EventId = 305, Level = LogLevel.Error, Message = "Job {Id} failed ({Kind}, {Stage}, {ExceptionType}) after {Attempts} attempt(s): {Reason}; input in failed/{Name}")]
    public static partial void Failed(ILogger logger, long id, string name, string kind, string stage, string exceptionType, int attempts, string reason);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Job {Id} attempt {Attempt} hit a transient fault ({Stage}: {Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, long id, int attempt, string stage, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "Recovery: {Resumed} unfinished job(s) re-queued, {Completed} completed, {Failed} failed, {Requeued} interrupted retries re-queued, {Forward} claim(s) rolled forward, {Back} rolled back, {Temp} temporary folder(s) removed")]
    public static partial void Recovered(ILogger logger, int resumed, int completed, int failed, int requeued, int forward, int back, int temp);

    [LoggerMessage(EventId = 308, Level = LogLevel.Error, Message = "Job runner: journal unavailable ({Reason}); trying again")]
    public static partial void JournalUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 309, Level = LogLevel.Error, Message = "Job {Id} could not be finished ({Reason}); it is taken up again at the next start")]
    public static partial void FinishFailed(ILogger logger, long id, string reason);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Job {Id} interrupted by shutdown; re-queued")]
    public static partial void Interrupted(ILogger logger, long id);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Claim deferred ({Reason}); tried again after the quiet period")]
    public static partial void ClaimDeferred(ILogger logger, string reason);
}
