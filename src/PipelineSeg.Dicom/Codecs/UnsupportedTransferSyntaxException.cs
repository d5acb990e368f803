namespace PipelineSeg.Dicom.Codecs;

/// <summary>
/// The pixel data uses a transfer syntax (or a coding process inside it) that PipelineSeg cannot decode.
/// The message names the transfer syntax (UID and name) and the file so the series is reported, not lost.
/// </summary>
public sealed class UnsupportedTransferSyntaxException : DicomException
{
    /// <summary>Creates an exception with a message only.</summary>
    public UnsupportedTransferSyntaxException()
        : this("unsupported transfer syntax")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public UnsupportedTransferSyntaxException(string message)
        : base(message)
    {
        TransferSyntaxUid = string.Empty;
    }

    /// <summary>Creates an exception wrapping another one.</summary>
    public UnsupportedTransferSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        TransferSyntaxUid = string.Empty;
    }

    /// <summary>Creates an exception naming the transfer syntax, the file and (optionally) what exactly is missing.</summary>
    /// <param name="transferSyntaxUid">The transfer syntax UID.</param>
    /// <param name="filePath">The file or source name, when known.</param>
    /// <param name="detail">Extra detail, e.g. "progressive JPEG (SOF2) is not supported".</param>
    public UnsupportedTransferSyntaxException(string transferSyntaxUid, string? filePath, string? detail = null)
        : base(Describe(transferSyntaxUid, detail), filePath, null, null)
    {
        TransferSyntaxUid = transferSyntaxUid;
    }

    /// <summary>The transfer syntax UID that cannot be decoded (empty when not known).</summary>
    public string TransferSyntaxUid { get; }

    private static string Describe(string uid, string? detail)
    {
        var text = $"unsupported transfer syntax {uid} ({TransferSyntaxes.Describe(uid)})";
        return string.IsNullOrEmpty(detail) ? text : $"{text}: {detail}";
    }
}
