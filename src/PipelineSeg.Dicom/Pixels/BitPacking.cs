namespace PipelineSeg.Dicom;

/// <summary>DICOM 1-bit pixel packing: pixel n is bit (n mod 8) of byte n / 8, continuing across frame boundaries.</summary>
public static class BitPacking
{
    /// <summary>Copies <paramref name="bitCount"/> bits starting at <paramref name="bitOffset"/> into a bit-0-aligned buffer.</summary>
    public static void CopyBits(ReadOnlySpan<byte> source, long bitOffset, int bitCount, Span<byte> destination)
    {
        var bytes = (bitCount + 7) / 8;
        destination[..bytes].Clear();
        var shift = (int)(bitOffset & 7);
        var start = (int)(bitOffset >> 3);
        if (shift == 0)
        {
            source.Slice(start, bytes).CopyTo(destination);
        }
        else
        {
            for (var i = 0; i < bytes; i++)
            {
                var lo = source[start + i] >> shift;
                var hi = start + i + 1 < source.Length ? source[start + i + 1] << (8 - shift) : 0;
                destination[i] = (byte)(lo | hi);
            }
        }
        var tail = bitCount & 7;
        if (tail != 0)
        {
            destination[bytes - 1] &= (byte)((1 << tail) - 1);
        }
    }

    /// <summary>Expands packed bits to one byte (0 or 1) per pixel.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, Span<byte> pixels)
    {
        var whole = pixels.Length >> 3;
        for (var b = 0; b < whole; b++)
        {
            // One table lookup writes eight pixels.
            System.Runtime.InteropServices.MemoryMarshal.Write(pixels[(b * 8)..], Expand[packed[b]]);
        }
        for (var i = whole * 8; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((packed[i >> 3] >> (i & 7)) & 1);
        }
    }

    /// <summary>Byte b → eight bytes holding its bits (bit 0 first), little-endian.</summary>
    private static readonly ulong[] Expand = BuildExpand();

    private static ulong[] BuildExpand()
    {
        var table = new ulong[256];
        for (var b = 0; b < 256; b++)
        {
            ulong v = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                if (((b >> bit) & 1) != 0)
                {
                    v |= 1UL << (bit * 8);
                }
            }
            table[b] = BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
        }
        return table;
    }

    /// <summary>
    /// Packs nonzero bytes as 1-bits, appending at bit <paramref name="bitOffset"/> of <paramref name="destination"/>
    /// (frames are packed back to back, not padded to bytes).
    /// </summary>
    public static void Pack(ReadOnlySpan<byte> pixels, Span<byte> destination, long bitOffset)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            if (pixels[i] != 0)
            {
                var bit = bitOffset + i;
                destination[(int)(bit >> 3)] |= (byte)(1 << (int)(bit & 7));
            }
        }
    }
}
