using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>
/// Decodes the variable field of A-ASSOCIATE-RQ and A-ASSOCIATE-AC PDUs. Every length is checked against what
/// contains it; items of unrecognized types are skipped (PS3.8 §9.3.1); a malformed PDU throws
/// <see cref="PduFormatException"/> with the A-ABORT reason that answers it.
/// </summary>
public static class AssociatePduDecoder
{
    private const int FixedPartLength = 68;

    /// <summary>Decodes an A-ASSOCIATE-RQ body.</summary>
    public static AssociateRequest DecodeRequest(ReadOnlySpan<byte> body)
    {
        var (version, called, calling) = FixedPart(body, "A-ASSOCIATE-RQ");
        string? context = null;
        var proposals = new List<PresentationContextProposal>();
        UserInformation? user = null;
        foreach (var (type, value) in Items(body[FixedPartLength..], "A-ASSOCIATE-RQ"))
        {
            switch (type)
            {
                case 0x10:
                    context = Uid(value);
                    break;
                case 0x20:
                    proposals.Add(Proposal(value));
                    break;
                case 0x50:
                    user = User(value);
                    break;
            }
        }
        if (context is null)
        {
            throw new PduFormatException("A-ASSOCIATE-RQ has no application context item", AbortReason.InvalidPduParameterValue);
        }
        if (proposals.Count == 0)
        {
            throw new PduFormatException("A-ASSOCIATE-RQ proposes no presentation context", AbortReason.InvalidPduParameterValue);
        }
        if (proposals.Select(p => p.Id).Distinct().Count() != proposals.Count)
        {
            throw new PduFormatException("A-ASSOCIATE-RQ proposes the same presentation context id twice", AbortReason.InvalidPduParameterValue);
        }
        return new AssociateRequest(version, called, calling, context, proposals,
            user ?? throw new PduFormatException("A-ASSOCIATE-RQ has no user information item", AbortReason.InvalidPduParameterValue));
    }

    /// <summary>Decodes an A-ASSOCIATE-AC body.</summary>
    public static AssociateAccept DecodeAccept(ReadOnlySpan<byte> body)
    {
        var (version, called, calling) = FixedPart(body, "A-ASSOCIATE-AC");
        string? context = null;
        var answers = new List<PresentationContextAnswer>();
        UserInformation? user = null;
        foreach (var (type, value) in Items(body[FixedPartLength..], "A-ASSOCIATE-AC"))
        {
            switch (type)
            {
                case 0x10:
                    context = Uid(value);
                    break;
                case 0x21:
                    answers.Add(Answer(value));
                    break;
                case 0x50:
                    user = User(value);
                    break;
            }
        }
        return new AssociateAccept(version, called, calling,
            context ?? throw new PduFormatException("A-ASSOCIATE-AC has no application context item", AbortReason.InvalidPduParameterValue),
            answers,
            user ?? throw new PduFormatException("A-ASSOCIATE-AC has no user information item", AbortReason.InvalidPduParameterValue));
    }

    private static (ushort Version, string Called, string Calling) FixedPart(ReadOnlySpan<byte> body, string pdu)
    {
        if (body.Length < FixedPartLength)
        {
            throw new PduFormatException($"{pdu} is {body.Length} bytes, shorter than its fixed part", AbortReason.InvalidPduParameterValue);
        }
        return (BinaryPrimitives.ReadUInt16BigEndian(body), AeTitle(body.Slice(4, 16)), AeTitle(body.Slice(20, 16)));
    }

    private static PresentationContextProposal Proposal(byte[] value)
    {
        if (value.Length < 4)
        {
            throw new PduFormatException("presentation context item shorter than 4 bytes", AbortReason.InvalidPduParameterValue);
        }
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        foreach (var (type, sub) in Items(value.AsSpan(4), "presentation context item"))
        {
            if (type == 0x30)
            {
                abstractSyntax = abstractSyntax is null ? Uid(sub)
                    : throw new PduFormatException($"presentation context {value[0]} has two abstract syntaxes", AbortReason.InvalidPduParameterValue);
            }
            else if (type == 0x40)
            {
                transferSyntaxes.Add(Uid(sub));
            }
        }
        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            throw new PduFormatException($"presentation context {value[0]} lacks an abstract syntax or a transfer syntax", AbortReason.InvalidPduParameterValue);
        }
        return new PresentationContextProposal(value[0], abstractSyntax, transferSyntaxes);
    }

    private static PresentationContextAnswer Answer(byte[] value)
    {
        if (value.Length < 4)
        {
            throw new PduFormatException("presentation context item shorter than 4 bytes", AbortReason.InvalidPduParameterValue);
        }
        var transferSyntax = string.Empty;
        foreach (var (type, sub) in Items(value.AsSpan(4), "presentation context item"))
        {
            if (type == 0x40)
            {
                transferSyntax = Uid(sub);
            }
        }
        return new PresentationContextAnswer(value[0], (PresentationContextResult)value[2], transferSyntax);
    }

    private static UserInformation User(byte[] value)
    {
        uint max = 0;
        string? implementationClass = null;
        string? version = null;
        foreach (var (type, sub) in Items(value, "user information item"))
        {
            switch (type)
            {
                case 0x51 when sub.Length == 4:
                    max = BinaryPrimitives.ReadUInt32BigEndian(sub);
                    break;
                case 0x51:
                    throw new PduFormatException($"maximum length sub-item is {sub.Length} bytes, expected 4", AbortReason.InvalidPduParameterValue);
                case 0x52:
                    implementationClass = Uid(sub);
                    break;
                case 0x55:
                    version = Encoding.ASCII.GetString(sub).Trim();
                    break;
            }
        }
        return new UserInformation(max, implementationClass ?? string.Empty, version);
    }

    /// <summary>The items of a variable field: 1-byte type, 1 reserved, 2-byte big-endian length, value.</summary>
    private static List<(byte Type, byte[] Value)> Items(ReadOnlySpan<byte> field, string where)
    {
        var items = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < field.Length)
        {
            if (field.Length - offset < 4)
            {
                throw new PduFormatException($"{where}: {field.Length - offset} stray bytes where an item header should be", AbortReason.InvalidPduParameterValue);
            }
            var type = field[offset];
            var length = BinaryPrimitives.ReadUInt16BigEndian(field[(offset + 2)..]);
            if (length > field.Length - offset - 4)
            {
                throw new PduFormatException($"{where}: item 0x{type:X2} claims {length} bytes, only {field.Length - offset - 4} left", AbortReason.InvalidPduParameterValue);
            }
            items.Add((type, field.Slice(offset + 4, length).ToArray()));
            offset += 4 + length;
        }
        return items;
    }

    private static string Uid(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');

    private static string AeTitle(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).Trim(' ', '\0');
}
