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

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Reloaded plugin folder {Directory}: now {PluginId} {Version}")]
    public static partial void Reloaded(ILogger logger, string directory, string pluginId, string version);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Plugin folder {Directory} changed; reload waits for {Leases} job lease(s) to drop")]
    public static partial void ReloadPending(ILogger logger, string directory, int leases);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Plugin {PluginId} model {ModelId}: {Fault}")]
    public static partial void ForwardFault(ILogger logger, string pluginId, string modelId, string fault);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Model {ModelId} runs on backend {Backend}, device {Device}")]
    public static partial void Placed(ILogger logger, string modelId, string backend, string device);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Model {ModelId} runs on backend {Backend}, device {Device}: {Note}")]
    public static partial void PlacedWithNote(ILogger logger, string modelId, string backend, string device, string note);
}
