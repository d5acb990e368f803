using Microsoft.Extensions.Logging;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>Source-generated log messages of the plugin catalog.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded plugin {PluginId} {Version} with {ModelCount} model(s) from {Directory}")]
    public static partial void Loaded(ILogger logger, string pluginId, string version, int modelCount, string directory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Refused plugin folder {Directory}: {Reason}")]
    public static partial void Refused(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Plugin {PluginId}: {Warning}")]
    public static partial void Warning(ILogger logger, string pluginId, string warning);
}
