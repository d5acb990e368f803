using System.Buffers.Binary;

namespace PipelineSeg.Dicom;

/// <summary>
/// Builds the value of encapsulated Pixel Data (PS3.5 A.4): a Basic Offset Table item with one offset per frame, one
/// fragment per frame (padded to even length), then the Sequence Delimitation Item.
/// </summary>
public static class EncapsulatedPixelDataWriter
{
    /// <summary>Wraps already-encoded frames into an encapsulated Pixel Data element (VR OB, undefined length).</summary>
    public static DicomElement Create(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var total = 8L + (4L * frames.Count) + 8;
        foreach (var f in frames)
        {
            total += 8 + f.Length + (f.Length & 1);
        }
        if (total > int.MaxValue)
        {
            throw new InvalidOperationException($"encapsulated pixel data of {total} bytes is too large for one buffer");
        }
        var value = new byte[total];
        var span = value.AsSpan();
        var at = WriteItemTag(span, 0, 0xE000, (uint)(4 * frames.Count));
        var offsetTable = at;
        at += 4 * frames.Count;
        var firstFragment = at;
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            // Offsets count from the first byte of the first fragment's item tag (PS3.5 A.4).
            BinaryPrimitives.WriteUInt32LittleEndian(span[(offsetTable + (4 * i))..], (uint)(at - firstFragment));
            var padded = f.Length + (f.Length & 1);
            at = WriteItemTag(span, at, 0xE000, (uint)padded);
            f.CopyTo(span[at..]);
            at += padded;
        }
        WriteItemTag(span, at, 0xE0DD, 0);
        return new DicomElement(DicomTags.PixelData, DicomVR.OB, value, isEncapsulated: true);
    }

    private static int WriteItemTag(Span<byte> span, int at, ushort element, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], length);
        return at + 8;
    }
}
