using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Dicom.Network.Scu;

/// <summary>
/// A Part 10 file to send: the SOP class/instance and transfer syntax from its file meta, and where the data set starts,
/// so the data set goes on the wire byte for byte as stored (no re-encoding).
/// </summary>
public sealed record Part10Source(string Path, string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, long DataSetOffset,
    string? ImplementationClassUid)
{
    /// <summary>Reads the file meta of <paramref name="path"/>.</summary>
    /// <exception cref="DicomFormatException">Not a Part 10 file, or its meta lacks a required element.</exception>
    public static Part10Source Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var prefix = new byte[132];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length || !prefix.AsSpan(128).SequenceEqual("DICM"u8))
        {
            throw new DicomFormatException("not a Part 10 file (no DICM prefix)", path, null, 128);
        }
        var values = new Dictionary<ushort, string>();
        var header = new byte[12];
        while (true)
        {
            var at = stream.Position;
            if (stream.ReadAtLeast(header.AsSpan(0, 8), 8, throwOnEndOfStream: false) < 8 || BinaryPrimitives.ReadUInt16LittleEndian(header) != 0x0002)
            {
                stream.Position = at;
                break;
            }
            var element = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2));
            var vr = Encoding.ASCII.GetString(header, 4, 2);
            uint length;
            if (vr is "OB" or "OW" or "UN" or "SQ" or "UT" or "UC" or "UR" or "OD" or "OF" or "OL" or "OV")
            {
                stream.ReadExactly(header.AsSpan(8, 4));
                length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
            }
            if (length > 1 << 16)
            {
                throw new DicomFormatException($"file meta element of {length} bytes", path, new DicomTag(0x0002, element), at);
            }
            var value = new byte[length];
            stream.ReadExactly(value);
            values[element] = Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
        }
        string Required(ushort element, string name) => values.TryGetValue(element, out var v) && v.Length > 0
            ? v
            : throw new DicomFormatException($"file meta has no {name}", path, new DicomTag(0x0002, element), null);
        return new Part10Source(path, Required(0x0002, "Media Storage SOP Class UID"), Required(0x0003, "Media Storage SOP Instance UID"),
            Required(0x0010, "Transfer Syntax UID"), stream.Position, values.GetValueOrDefault((ushort)0x0012));
    }

    /// <summary>Opens the data set bytes (everything after the file meta).</summary>
    public FileStream OpenDataSet()
    {
        var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        stream.Position = DataSetOffset;
        return stream;
    }
}
