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
}
