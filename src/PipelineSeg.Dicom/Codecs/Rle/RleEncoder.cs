using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs.Rle;

/// <summary>
/// RLE Lossless encoder (PS3.5 Annex G) for single-sample little-endian frames of 8, 16 or 32 bits allocated: a 64-byte
/// header with the segment offsets, then one PackBits segment per byte plane, most significant plane first, each padded
/// to even length. 1-bit data is refused: Annex G defines segments on whole bytes of a sample, and common toolkits
/// (dcmtk, pydicom) do not encode or decode 1-bit RLE.
/// </summary>
public static class RleEncoder
{
    private const int HeaderLength = 64;

    /// <summary>Encodes one frame of Rows × Columns samples of <paramref name="bitsAllocated"/> bits.</summary>
    public static byte[] EncodeFrame(ReadOnlySpan<byte> frame, int bitsAllocated)
    {
        if (bitsAllocated is not (8 or 16 or 32))
        {
            throw new NotSupportedException(
                $"RLE Lossless needs Bits Allocated 8, 16 or 32, not {bitsAllocated} (a BINARY SEG is 1-bit: use deflate or no compression)");
        }
        var bytesPerSample = bitsAllocated / 8;
        if (frame.Length % bytesPerSample != 0)
        {
            throw new ArgumentException($"a frame of {frame.Length} bytes is not whole {bitsAllocated}-bit samples", nameof(frame));
        }
        var samples = frame.Length / bytesPerSample;
        var output = new List<byte>(HeaderLength + (frame.Length / 4) + 16);
        output.AddRange(new byte[HeaderLength]);
        var offsets = new int[bytesPerSample];
        for (var b = 0; b < bytesPerSample; b++)
        {
            offsets[b] = output.Count;
            // Segment 0 is the most significant byte: the last byte of each little-endian sample.
            PackBits.Encode(frame, bytesPerSample - 1 - b, bytesPerSample, samples, output);
            if ((output.Count & 1) != 0)
            {
                output.Add(0x80); // a no-op PackBits header keeps the segment even
            }
        }
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)bytesPerSample);
        for (var b = 0; b < bytesPerSample; b++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4 + (b * 4)), (uint)offsets[b]);
        }
        return result;
    }
}
