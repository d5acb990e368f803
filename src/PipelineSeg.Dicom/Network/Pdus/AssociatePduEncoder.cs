using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>Encodes A-ASSOCIATE-RQ and A-ASSOCIATE-AC PDUs (PS3.8 §9.3.2, §9.3.3), header included.</summary>
public static class AssociatePduEncoder
{
    /// <summary>The whole A-ASSOCIATE-RQ PDU.</summary>
    public static byte[] Encode(AssociateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new MemoryStream();
        WriteFixedPart(body, request.ProtocolVersion, request.CalledAeTitle, request.CallingAeTitle);
        WriteItem(body, 0x10, Ascii(request.ApplicationContext));
        foreach (var pc in request.PresentationContexts)
        {
            var item = new MemoryStream();
            item.Write([pc.Id, 0, 0, 0]);
            WriteItem(item, 0x30, Ascii(pc.AbstractSyntax));
            foreach (var ts in pc.TransferSyntaxes)
            {
                WriteItem(item, 0x40, Ascii(ts));
            }
            WriteItem(body, 0x20, item.ToArray());
        }
        WriteItem(body, 0x50, UserInfo(request.UserInformation));
        return Frame(PduType.AssociateRequest, body);
    }

    /// <summary>The whole A-ASSOCIATE-AC PDU.</summary>
    public static byte[] Encode(AssociateAccept accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var body = new MemoryStream();
        WriteFixedPart(body, accept.ProtocolVersion, accept.CalledAeTitle, accept.CallingAeTitle);
        WriteItem(body, 0x10, Ascii(accept.ApplicationContext));
        foreach (var pc in accept.PresentationContexts)
        {
            var item = new MemoryStream();
            item.Write([pc.Id, 0, (byte)pc.Result, 0]);
            // Present even when rejected; its value is then not significant (PS3.8 §9.3.3.2).
            WriteItem(item, 0x40, Ascii(pc.TransferSyntax));
            WriteItem(body, 0x21, item.ToArray());
        }
        WriteItem(body, 0x50, UserInfo(accept.UserInformation));
        return Frame(PduType.AssociateAccept, body);
    }

    private static byte[] UserInfo(UserInformation info)
    {
        var item = new MemoryStream();
        var max = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(max, info.MaxPduLength);
        WriteItem(item, 0x51, max);
        WriteItem(item, 0x52, Ascii(info.ImplementationClassUid));
        if (!string.IsNullOrEmpty(info.ImplementationVersionName))
        {
            WriteItem(item, 0x55, Ascii(info.ImplementationVersionName));
        }
        return item.ToArray();
    }

    private static void WriteFixedPart(MemoryStream body, ushort version, string called, string calling)
    {
        Span<byte> fixedPart = stackalloc byte[68];
        fixedPart.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, version);
        WriteAeTitle(fixedPart.Slice(4, 16), called);
        WriteAeTitle(fixedPart.Slice(20, 16), calling);
        body.Write(fixedPart);
    }

    private static void WriteAeTitle(Span<byte> field, string title)
    {
        field.Fill((byte)' ');
        var bytes = Ascii(title);
        bytes.AsSpan(0, Math.Min(bytes.Length, 16)).CopyTo(field);
    }

    private static void WriteItem(MemoryStream stream, byte type, ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"item 0x{type:X2} is {value.Length} bytes, more than an item holds");
        }
        Span<byte> header = [type, 0, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)value.Length);
        stream.Write(header);
        stream.Write(value);
    }

    private static byte[] Frame(PduType type, MemoryStream body)
    {
        var pdu = new byte[DicomUpperLayer.PduHeaderLength + body.Length];
        pdu[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)body.Length);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(pdu.AsSpan(DicomUpperLayer.PduHeaderLength));
        return pdu;
    }

    private static byte[] Ascii(string value) => Encoding.ASCII.GetBytes(value);
}
