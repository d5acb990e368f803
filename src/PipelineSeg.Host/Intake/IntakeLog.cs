using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// Source-generated service logs. Inputs are named by id (see <see cref="IntakeNames"/>), never by their folder or file
/// names, and no patient attribute is ever logged.
/// </summary>
internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Watching {Folder}; results go to {Output}")]
    public static partial void Watching(ILogger logger, string folder, string output);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Watcher on {Folder} failed ({Reason}); the periodic rescan covers it")]
    public static partial void WatcherError(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Queued {Input}")]
    public static partial void Queued(ILogger logger, string input);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "{Input}: processed, {Succeeded} segmented, {Failed} quarantined, {Skipped} skipped; results in {Output}")]
    public static partial void Processed(ILogger logger, string input, int succeeded, int failed, int skipped, string output);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "{Input}: failed: {Reason}")]
    public static partial void Failed(ILogger logger, string input, string reason);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "{Input}: skipped, {Reason}")]
    public static partial void Skipped(ILogger logger, string input, string reason);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "{Input}: {Count} item(s) to process")]
    public static partial void Planned(ILogger logger, string input, int count);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Housekeeping forgot {Count} processed source(s)")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "PipelineSeg service started ({WatchFolders} watched folder(s), data in {DataDirectory}); Ctrl+C or SIGTERM stops it gracefully")]
    public static partial void ServiceStarted(ILogger logger, int watchFolders, string dataDirectory);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "{Input}: could not be read into items: {Reason}")]
    public static partial void PlanFailed(ILogger logger, string input, string reason);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "{Input}: outcome not recorded: {Reason}")]
    public static partial void RecordFailed(ILogger logger, string input, string reason);
}
