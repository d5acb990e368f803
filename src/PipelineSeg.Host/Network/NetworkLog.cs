using Microsoft.Extensions.Logging;

namespace PipelineSeg.Host.Network;

/// <summary>The service's network log lines (receiver hook and deliveries); never patient identifiers.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "received series {Name}: {Count} instance(s) from {CallingAe} handed to the intake ({Why})")]
    public static partial void SeriesPublished(ILogger logger, string name, int count, string callingAe, string why);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "received series {Name}: {Count} instance(s) from {CallingAe} discarded: the association was aborted (the sender must send it again)")]
    public static partial void SeriesDiscarded(ILogger logger, string name, int count, string callingAe);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "received series {Name} could not be handed to the intake: {Problem}")]
    public static partial void PublishFailed(ILogger logger, string name, string problem);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "DICOM listener cannot start: {Problem}")]
    public static partial void ListenerFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "delivery {Id}: {Count} file(s) queued for {Destination}")]
    public static partial void DeliveryQueued(ILogger logger, string id, int count, string destination);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information, Message = "delivery {Id}: {Count} file(s) delivered to {Destination}")]
    public static partial void Delivered(ILogger logger, string id, int count, string destination);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "delivery {Id} to {Destination} failed (attempt {Attempt}): {Problem}; delivery pending, next try in {Delay}")]
    public static partial void DeliveryPending(ILogger logger, string id, string destination, int attempt, string problem, TimeSpan delay);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Error, Message = "delivery {Id}: recording its state failed: {Problem}")]
    public static partial void DeliveryStateFailed(ILogger logger, string id, string problem);
}
