namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>One PDU as read from the wire: its type and its variable field (everything after the 6-byte header).</summary>
/// <param name="Type">The PDU type byte (may be a value outside <see cref="PduType"/>: the caller aborts on it).</param>
/// <param name="Body">The PDU's variable field, exactly as long as the header said.</param>
public sealed record RawPdu(byte Type, byte[] Body)
{
    /// <summary>True when the type byte is one PS3.8 defines.</summary>
    public bool IsKnownType => Type is >= 0x01 and <= 0x07;

    /// <summary>The type as <see cref="PduType"/> (check <see cref="IsKnownType"/> first).</summary>
    public PduType Kind => (PduType)Type;
}
