namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>An A-ABORT PDU (PS3.8 §9.3.8): source and reason; the reason is 0 when the service-user aborts.</summary>
public sealed record AssociationAbort(AbortSource Source, AbortReason Reason)
{
    /// <summary>Encodes the PDU (type 07, length 4).</summary>
    public byte[] Encode() => [(byte)PduType.Abort, 0, 0, 0, 0, 4, 0, 0, (byte)Source, (byte)Reason];

    /// <summary>Decodes the variable field of an A-ABORT.</summary>
    public static AssociationAbort Decode(ReadOnlySpan<byte> body) => body.Length == 4
        ? new AssociationAbort((AbortSource)body[2], (AbortReason)body[3])
        : throw new PduFormatException($"A-ABORT has a {body.Length}-byte body, expected 4", AbortReason.InvalidPduParameterValue);
}
