using System.Net;
using Microsoft.Extensions.Logging;

namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// The receiver's log lines. Peers are named by address and AE title, instances by SOP class only: UIDs and data set
/// contents (patient identifiers) are never logged.
/// </summary>
internal static partial class ScpLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "DICOM listener {AeTitle} on {EndPoint} (at most {Max} associations, max PDU {MaxPdu} bytes)")]
    public static partial void Listening(ILogger logger, string aeTitle, EndPoint endPoint, int max, uint maxPdu);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "association {Id}: {Calling} -> {Called} from {Remote} accepted ({Accepted} of {Proposed} presentation contexts)")]
    public static partial void Accepted(ILogger logger, string id, string calling, string called, EndPoint? remote, int accepted, int proposed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "association from {Remote} ({Calling} -> {Called}) rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, EndPoint? remote, string calling, string called, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "association {Id} from {Remote} aborted by us: {Problem}")]
    public static partial void AbortedByUs(ILogger logger, string id, EndPoint? remote, string problem);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "association {Id} from {Remote} aborted by the peer (source {Source}, reason {Reason}){Discarded}")]
    public static partial void AbortedByPeer(ILogger logger, string id, EndPoint? remote, int source, int reason, string discarded);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "connection from {Remote} closed: {Problem}")]
    public static partial void ConnectionClosed(ILogger logger, EndPoint? remote, string problem);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "association {Id} released: {Stored} instance(s) stored, {Refused} refused")]
    public static partial void Released(ILogger logger, string id, int stored, int refused);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "association {Id}: C-STORE of a {SopClass} refused with status {Status:X4}: {Problem}")]
    public static partial void StoreRefused(ILogger logger, string id, string sopClass, ushort status, string problem);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "association {Id}: {SopClass} stored ({Bytes} bytes)")]
    public static partial void Stored(ILogger logger, string id, string sopClass, long bytes);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "connection from {Remote} refused: {Active} associations already open (limit {Limit}); answered A-ASSOCIATE-RJ (transient, local limit exceeded)")]
    public static partial void OverLimit(ILogger logger, EndPoint? remote, int active, int limit);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "association {Id}: C-ECHO answered")]
    public static partial void Echoed(ILogger logger, string id);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "DICOM listener: accepting a connection failed: {Problem}")]
    public static partial void AcceptFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "association {Id}: unsupported DIMSE command {Command:X4} answered with status 0211 (unrecognized operation)")]
    public static partial void UnsupportedCommand(ILogger logger, string id, ushort command);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "association {Id}: the store handler failed: {Problem}")]
    public static partial void HandlerFailed(ILogger logger, string id, string problem);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "connection from {Remote} refused: TLS handshake failed: {Problem}")]
    public static partial void TlsRefused(ILogger logger, System.Net.EndPoint? remote, string problem);
}
