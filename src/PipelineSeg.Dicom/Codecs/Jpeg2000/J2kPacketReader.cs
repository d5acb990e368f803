namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Reads one packet (T.800 B.9–B.10): optional SOP, the header (inclusion and zero bit-plane tag trees, pass counts,
/// length indicators), optional EPH, then appends each included code-block's bytes.
/// </summary>
internal static class J2kPacketReader
{
    /// <summary>Reads the packet of <paramref name="precinct"/> for <paramref name="layer"/> at <paramref name="position"/>; returns the next position.</summary>
    public static int Read(J2kCodestream cs, byte[] data, int position, int layer, J2kPrecinct precinct)
    {
        if ((cs.UsesSopOrEph & 2) != 0 && position + 6 <= data.Length && data[position] == 0xFF && data[position + 1] == 0x91)
        {
            position += 6;
        }
        if (position >= data.Length)
        {
            return position; // truncated codestream: remaining packets are empty
        }
        var bits = new J2kHeaderBits(data, position);
        var included = new List<(J2kCodeBlock Block, int Length, int Passes)>();
        if (bits.ReadBit() != 0)
        {
            foreach (var (_, columns, _, blocks, inclusion, zeroPlanes) in precinct.Bands)
            {
                for (var i = 0; i < blocks.Length; i++)
                {
                    var cb = blocks[i];
                    int bx = columns == 0 ? 0 : i % columns, by = columns == 0 ? 0 : i / columns;
                    bool isIncluded;
                    if (!cb.Included)
                    {
                        isIncluded = inclusion.Decode(ref bits, bx, by, layer + 1) <= layer;
                        if (isIncluded)
                        {
                            var threshold = 1;
                            int value;
                            while ((value = zeroPlanes.Decode(ref bits, bx, by, threshold)) >= threshold)
                            {
                                if (++threshold > 64)
                                {
                                    throw new DicomFormatException("JPEG 2000: corrupt zero bit-plane tag tree");
                                }
                            }
                            cb.ZeroPlanes = value;
                            cb.Included = true;
                        }
                    }
                    else
                    {
                        isIncluded = bits.ReadBit() != 0;
                    }
                    if (!isIncluded)
                    {
                        continue;
                    }
                    var passes = ReadPassCount(ref bits);
                    while (bits.ReadBit() != 0)
                    {
                        if (++cb.LengthBits > 24)
                        {
                            throw new DicomFormatException("JPEG 2000: corrupt code-block length indicator");
                        }
                    }
                    var length = bits.ReadBits(cb.LengthBits + Log2(passes));
                    included.Add((cb, length, passes));
                }
            }
        }
        bits.Align();
        position = bits.Position;
        if ((cs.UsesSopOrEph & 4) != 0 && position + 2 <= data.Length && data[position] == 0xFF && data[position + 1] == 0x92)
        {
            position += 2;
        }
        foreach (var (cb, length, passes) in included)
        {
            // A truncated codestream keeps what is there (decoders show the image at lower quality).
            var available = Math.Clamp(data.Length - position, 0, length);
            cb.Data.AddRange(data.AsSpan(position, available).ToArray());
            cb.Passes += passes;
            position += available;
        }
        return position;
    }

    private static int ReadPassCount(ref J2kHeaderBits bits)
    {
        if (bits.ReadBit() == 0)
        {
            return 1;
        }
        if (bits.ReadBit() == 0)
        {
            return 2;
        }
        var n = bits.ReadBits(2);
        if (n != 3)
        {
            return 3 + n;
        }
        n = bits.ReadBits(5);
        return n != 31 ? 6 + n : 37 + bits.ReadBits(7);
    }

    private static int Log2(int value)
    {
        var bits = 0;
        while ((value >>= 1) > 0)
        {
            bits++;
        }
        return bits;
    }
}
