using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Hosting;

/// <summary>Source-generated service logs (folders and counts only, never patient attributes).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Watching {Folder}; results go to {Output}")]
    public static partial void Watching(ILogger logger, string folder, string output);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Watcher on {Folder} failed ({Reason}); the periodic rescan covers it")]
    public static partial void WatcherError(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Queued settled folder {Folder}")]
    public static partial void Queued(ILogger logger, string folder);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Processed {Folder}: {Succeeded} segmented, {Failed} quarantined, {Skipped} skipped")]
    public static partial void JobDone(ILogger logger, string folder, int succeeded, int failed, int skipped);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Job for {Folder} failed: {Reason}")]
    public static partial void JobFailed(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Skipping {Folder}: already processed and unchanged")]
    public static partial void AlreadyProcessed(ILogger logger, string folder);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Scheduled rescan saw {Count} folder(s)")]
    public static partial void Rescanned(ILogger logger, int count);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Housekeeping forgot {Count} processed folder(s)")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "PipelineSeg service started ({WatchFolders} watched folder(s)); Ctrl+C or SIGTERM stops it gracefully")]
    public static partial void ServiceStarted(ILogger logger, int watchFolders);
}
