namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ and A-RELEASE-RP (PS3.8 §9.3.6, §9.3.7): a 4-byte reserved body.</summary>
public static class ReleasePdu
{
    /// <summary>The A-RELEASE-RQ PDU.</summary>
    public static byte[] Request() => [(byte)PduType.ReleaseRequest, 0, 0, 0, 0, 4, 0, 0, 0, 0];

    /// <summary>The A-RELEASE-RP PDU.</summary>
    public static byte[] Response() => [(byte)PduType.ReleaseResponse, 0, 0, 0, 0, 4, 0, 0, 0, 0];

    /// <summary>Throws when a release PDU's body is not 4 bytes long.</summary>
    public static void Validate(RawPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (pdu.Body.Length != 4)
        {
            throw new PduFormatException($"{pdu.Kind} has a {pdu.Body.Length}-byte body, expected 4", AbortReason.InvalidPduParameterValue);
        }
    }
}
