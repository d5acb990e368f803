using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Intake.Routing;

/// <summary>Routing decisions of the service: inputs named by claim and series hash, rules by name; never patient data.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "{Name} (series {Series}) routed by {Rule} to {Pipelines}")]
    public static partial void Routed(ILogger logger, string name, string series, string rule, string pipelines);

    [LoggerMessage(EventId = 221, Level = LogLevel.Information, Message = "{Name} (series {Series}) ignored by {Rule}: not processed, not quarantined; input in ignored/")]
    public static partial void Ignored(ILogger logger, string name, string series, string rule);
}
