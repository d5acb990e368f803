namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A PDU that breaks PS3.8 (bad length, unknown item, truncated field); carries the A-ABORT reason to send.</summary>
public sealed class PduFormatException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public PduFormatException(string message, AbortReason reason) : base(message) => AbortReason = reason;

    /// <summary>Creates the exception with an unspecified reason.</summary>
    public PduFormatException(string message) : this(message, AbortReason.InvalidPduParameterValue)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PduFormatException() : this("malformed PDU")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PduFormatException(string message, Exception innerException) : base(message, innerException) =>
        AbortReason = AbortReason.InvalidPduParameterValue;

    /// <summary>The A-ABORT reason that answers this error.</summary>
    public AbortReason AbortReason { get; }
}
