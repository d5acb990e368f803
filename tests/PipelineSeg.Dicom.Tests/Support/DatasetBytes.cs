using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Dicom.Tests.Support;

/// <summary>Builds raw dataset bytes element by element for byte-level reader tests.</summary>
internal sealed class DatasetBytes
{
    private readonly MemoryStream _stream = new();
    private readonly bool _explicit;
    private readonly bool _bigEndian;

    public DatasetBytes(bool explicitVR = true, bool bigEndian = false)
    {
        _explicit = explicitVR;
        _bigEndian = bigEndian;
    }

    public DatasetBytes Element(ushort group, ushort element, string vr, byte[] value, uint? length = null)
    {
        U16(group);
        U16(element);
        var len = length ?? (uint)value.Length;
        if (_explicit)
        {
            _stream.Write(Encoding.ASCII.GetBytes(vr));
            if (vr is "OB" or "OW" or "SQ" or "UN" or "UT" or "OF" or "UC" or "UR" or "OD" or "OL")
            {
                U16(0);
                U32(len);
            }
            else
            {
                U16((ushort)len);
            }
        }
        else
        {
            U32(len);
        }
        _stream.Write(value);
        return this;
    }

    public DatasetBytes Text(ushort group, ushort element, string vr, string text, Encoding? encoding = null) =>
        Element(group, element, vr, (encoding ?? Encoding.ASCII).GetBytes(text));

    public DatasetBytes UInt16(ushort group, ushort element, ushort value)
    {
        var b = new byte[2];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }
        return Element(group, element, "US", b);
    }

    /// <summary>Raw tag + length with no VR (items and delimiters).</summary>
    public DatasetBytes Tag(ushort group, ushort element, uint length)
    {
        U16(group);
        U16(element);
        U32(length);
        return this;
    }

    public DatasetBytes Raw(byte[] bytes)
    {
        _stream.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _stream.ToArray();

    /// <summary>A Part 10 file: preamble, DICM, minimal meta naming the transfer syntax, then this dataset.</summary>
    public byte[] ToPart10(string transferSyntax)
    {
        var meta = new DatasetBytes();
        var ts = Encoding.ASCII.GetBytes(transferSyntax.Length % 2 == 1 ? transferSyntax + "\0" : transferSyntax);
        meta.Element(0x0002, 0x0010, "UI", ts);
        var metaBytes = meta.ToArray();
        var head = new DatasetBytes();
        head.Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)metaBytes.Length));
        using var all = new MemoryStream();
        all.Write(new byte[128]);
        all.Write("DICM"u8);
        all.Write(head.ToArray());
        all.Write(metaBytes);
        all.Write(ToArray());
        return all.ToArray();
    }

    private void U16(ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        }
        _stream.Write(b);
    }

    // The two 16-bit halves in the stream's byte order: high half first in big endian.
    private void U32(uint v)
    {
        U16((ushort)(_bigEndian ? v >> 16 : v));
        U16((ushort)(_bigEndian ? v : v >> 16));
    }
}
