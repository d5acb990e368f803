namespace PipelineSeg.Dicom.Codecs.Rle;

/// <summary>The PackBits run-length scheme of one RLE segment, written with a stride into the frame.</summary>
internal static class PackBits
{
    /// <summary>
    /// Decodes <paramref name="segment"/> into <paramref name="count"/> bytes at destination[first + i * stride].
    /// Extra decoded bytes (some encoders pad) are ignored; too few bytes is an error.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> segment, Span<byte> destination, int first, int stride, int count, int segmentIndex)
    {
        if (count == 0)
        {
            return;
        }
        if (first + ((long)(count - 1) * stride) >= destination.Length)
        {
            throw new ArgumentException("destination too small for the RLE segment", nameof(destination));
        }
        var written = 0;
        var at = first;
        var i = 0;
        while (written < count && i < segment.Length)
        {
            var header = (sbyte)segment[i++];
            if (header >= 0)
            {
                var n = Math.Min(header + 1, Math.Min(count - written, segment.Length - i));
                if (stride == 1)
                {
                    segment.Slice(i, n).CopyTo(destination.Slice(at, n));
                    at += n;
                }
                else
                {
                    for (var k = 0; k < n; k++, at += stride)
                    {
                        destination[at] = segment[i + k];
                    }
                }
                i += header + 1;
                written += n;
            }
            else if (header != -128)
            {
                if (i >= segment.Length)
                {
                    break;
                }
                var value = segment[i++];
                var n = Math.Min(1 - header, count - written);
                if (stride == 1)
                {
                    destination.Slice(at, n).Fill(value);
                    at += n;
                }
                else
                {
                    for (var k = 0; k < n; k++, at += stride)
                    {
                        destination[at] = value;
                    }
                }
                written += n;
            }
        }
        if (written < count)
        {
            throw new DicomFormatException($"RLE segment {segmentIndex} decodes to {written} bytes, expected {count}");
        }
    }

    /// <summary>
    /// Appends the PackBits encoding of <paramref name="count"/> bytes source[first + i * stride] to <paramref name="output"/>:
    /// runs of 3..128 equal bytes as replicate runs (a run of 2 only pays off between literals, so it stays literal),
    /// the rest as literal runs of at most 128 bytes (PS3.5 G.3.1).
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> source, int first, int stride, int count, List<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> literal = stackalloc byte[128];
        var literalLength = 0;
        var i = 0;
        while (i < count)
        {
            var value = source[first + (i * stride)];
            var run = 1;
            while (i + run < count && run < 128 && source[first + ((i + run) * stride)] == value)
            {
                run++;
            }
            if (run >= 3)
            {
                FlushLiteral(literal, ref literalLength, output);
                output.Add((byte)(sbyte)(1 - run));
                output.Add(value);
                i += run;
                continue;
            }
            literal[literalLength++] = value;
            i++;
            if (literalLength == 128)
            {
                FlushLiteral(literal, ref literalLength, output);
            }
        }
        FlushLiteral(literal, ref literalLength, output);
    }

    private static void FlushLiteral(ReadOnlySpan<byte> literal, ref int length, List<byte> output)
    {
        if (length == 0)
        {
            return;
        }
        output.Add((byte)(length - 1));
        foreach (var b in literal[..length])
        {
            output.Add(b);
        }
        length = 0;
    }
}
