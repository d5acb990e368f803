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

    [LoggerMessage(EventId = 209, Level = LogLevel.Warning, Message = "Rescan of {Folder} failed ({Reason}); the next rescan tries again")]
    public static partial void RescanFailed(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Claiming {Input}")]
    public static partial void Claiming(ILogger logger, string input);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Housekeeping forgot {Count} processed source(s)")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "PipelineSeg service started ({WatchFolders} watched folder(s), data in {DataDirectory}); Ctrl+C or SIGTERM stops it gracefully")]
    public static partial void ServiceStarted(ILogger logger, int watchFolders, string dataDirectory);

}
