using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Operations;

/// <summary>Source-generated logs of the operations endpoint.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Operations endpoint listening on {Addresses} (/health, /metrics, dashboard at /)")]
    public static partial void Listening(ILogger logger, string addresses);
}
