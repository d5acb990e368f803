using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>Encodes and decodes P-DATA-TF PDUs (PS3.8 §9.3.5): a sequence of PDV items.</summary>
public static class DataTransferPdu
{
    /// <summary>Header of a P-DATA-TF PDU carrying one PDV of <paramref name="fragmentLength"/> bytes (PDU header + PDV header).</summary>
    public static byte[] Header(byte contextId, bool isCommand, bool isLast, int fragmentLength)
    {
        var header = new byte[DicomUpperLayer.PduHeaderLength + DicomUpperLayer.PdvHeaderLength];
        header[0] = (byte)PduType.DataTransfer;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), (uint)(DicomUpperLayer.PdvHeaderLength + fragmentLength));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(6), (uint)(2 + fragmentLength));
        header[10] = contextId;
        header[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
        return header;
    }

    /// <summary>The PDVs of a P-DATA-TF body (views over <paramref name="body"/>); at least one, each at least 2 bytes long.</summary>
    public static IReadOnlyList<PresentationDataValue> Decode(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>();
        var span = body.Span;
        var offset = 0;
        while (offset < span.Length)
        {
            if (span.Length - offset < 4)
            {
                throw new PduFormatException($"P-DATA-TF: {span.Length - offset} stray bytes where a PDV length should be", AbortReason.InvalidPduParameterValue);
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
            if (length < 2 || length > (uint)(span.Length - offset - 4))
            {
                throw new PduFormatException($"P-DATA-TF: PDV item length {length} does not fit the {span.Length - offset - 4} bytes left", AbortReason.InvalidPduParameterValue);
            }
            var control = span[offset + 5];
            if ((control & 0xFC) != 0)
            {
                throw new PduFormatException($"P-DATA-TF: message control header 0x{control:X2} has reserved bits set", AbortReason.InvalidPduParameterValue);
            }
            values.Add(new PresentationDataValue(span[offset + 4], (control & 1) != 0, (control & 2) != 0,
                body.Slice(offset + 6, (int)length - 2)));
            offset += 4 + (int)length;
        }
        if (values.Count == 0)
        {
            throw new PduFormatException("P-DATA-TF carries no PDV", AbortReason.InvalidPduParameterValue);
        }
        return values;
    }
}
