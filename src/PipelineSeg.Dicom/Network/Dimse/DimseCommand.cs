using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set: group 0000 elements, always encoded Implicit VR Little Endian (PS3.7 §6.3.1) with the Command
/// Group Length first. Values are kept as bytes; typed accessors know the few VRs a command uses (US, UL, UI, AE, LO).
/// </summary>
public sealed class DimseCommand
{
    /// <summary>Largest command set accepted from a peer (real ones are a few hundred bytes).</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private readonly SortedDictionary<uint, byte[]> _elements = [];

    /// <summary>The Command Field, or null when absent.</summary>
    public CommandField? Field => GetUInt16(CommandTags.CommandField) is { } f ? (CommandField)f : null;

    /// <summary>True when a data set follows the command (Command Data Set Type is not 0101H).</summary>
    public bool HasDataSet => GetUInt16(CommandTags.CommandDataSetType) is { } t && t != CommandTags.NoDataSet;

    /// <summary>A US value.</summary>
    public ushort? GetUInt16(uint tag) =>
        _elements.TryGetValue(tag, out var v) && v.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(v) : null;

    /// <summary>A UI, AE or LO value without padding.</summary>
    public string? GetString(uint tag) =>
        _elements.TryGetValue(tag, out var v) ? Encoding.ASCII.GetString(v).TrimEnd('\0', ' ') : null;

    /// <summary>Sets a US value.</summary>
    public DimseCommand Set(uint tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        _elements[tag] = bytes;
        return this;
    }

    /// <summary>Sets a UI (NUL-padded) or text (space-padded) value to even length.</summary>
    public DimseCommand Set(uint tag, string value, bool isUid)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.ASCII.GetBytes(value);
        if ((bytes.Length & 1) != 0)
        {
            Array.Resize(ref bytes, bytes.Length + 1);
            bytes[^1] = isUid ? (byte)0 : (byte)' ';
        }
        _elements[tag] = bytes;
        return this;
    }

    /// <summary>Encodes the command with its group length.</summary>
    public byte[] Encode()
    {
        var elements = _elements.Where(e => e.Key != CommandTags.CommandGroupLength).ToList();
        var groupLength = elements.Sum(e => 8 + e.Value.Length);
        var bytes = new byte[12 + groupLength];
        var span = bytes.AsSpan();
        WriteHeader(span, CommandTags.CommandGroupLength, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)groupLength);
        var offset = 12;
        foreach (var (tag, value) in elements)
        {
            WriteHeader(span[offset..], tag, value.Length);
            value.CopyTo(span[(offset + 8)..]);
            offset += 8 + value.Length;
        }
        return bytes;
    }

    /// <summary>Decodes a command set; only group 0000 elements are allowed, each length inside the bytes given.</summary>
    public static DimseCommand Decode(ReadOnlySpan<byte> bytes)
    {
        var command = new DimseCommand();
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 8)
            {
                throw new DicomFormatException("command set ends inside an element header", null, null, offset);
            }
            var group = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(offset + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
            if (group != 0x0000)
            {
                throw new DicomFormatException($"command set holds an element of group {group:X4}", null, new DicomTag(((uint)group << 16) | element), offset);
            }
            if (length > (uint)(bytes.Length - offset - 8))
            {
                throw new DicomFormatException($"command element length {length} runs past the command set", null, new DicomTag(((uint)group << 16) | element), offset);
            }
            command._elements[element] = bytes.Slice(offset + 8, (int)length).ToArray();
            offset += 8 + (int)length;
        }
        if (command.Field is null)
        {
            throw new DicomFormatException("command set has no Command Field (0000,0100)", null, null, null);
        }
        return command;
    }

    private static void WriteHeader(Span<byte> span, uint tag, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)length);
    }
}
