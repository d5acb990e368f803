using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs.Rle;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): a 64-byte header of up to 15 segment offsets, then one PackBits segment per byte
/// plane, most significant byte first, sample by sample. Output honours PlanarConfiguration.
/// </summary>
internal sealed class RleCodec : IPixelCodec
{
    private const int HeaderLength = 64;

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [TransferSyntaxes.RleLossless];

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        CodecGuard.CheckDestination(info, destination, "RLE");
        if (encodedFrame.Length < HeaderLength)
        {
            throw new DicomFormatException($"RLE frame of {encodedFrame.Length} bytes is shorter than its 64-byte header");
        }
        var segmentCount = BinaryPrimitives.ReadUInt32LittleEndian(encodedFrame);
        // BitsAllocated 1 (DICOM-SEG): one segment holding the bit-packed frame.
        var bytesPerSample = info.BitsAllocated == 1 ? 1 : info.BytesPerSample;
        var expected = info.SamplesPerPixel * bytesPerSample;
        if (segmentCount != expected)
        {
            throw new DicomFormatException(
                $"RLE header declares {segmentCount} segments but {info.SamplesPerPixel} samples x {bytesPerSample} bytes need {expected}");
        }
        var planeLength = info.BitsAllocated == 1 ? (int)info.FrameLength : info.Rows * info.Columns;
        var planar = info.PlanarConfiguration == 1 || info.SamplesPerPixel == 1;
        for (var s = 0; s < info.SamplesPerPixel; s++)
        {
            for (var b = 0; b < bytesPerSample; b++)
            {
                var segment = (s * bytesPerSample) + b;
                var start = SegmentOffset(encodedFrame, segment);
                var end = segment + 1 < segmentCount ? SegmentOffset(encodedFrame, segment + 1) : (uint)encodedFrame.Length;
                if (start < HeaderLength || end < start || end > encodedFrame.Length)
                {
                    throw new DicomFormatException($"RLE segment {segment} has offsets {start}..{end} outside the {encodedFrame.Length}-byte frame");
                }
                // Little-endian output: the most significant byte (segment b == 0) is the last byte of the sample.
                var byteInSample = bytesPerSample - 1 - b;
                int first, stride;
                if (planar)
                {
                    first = (s * planeLength * bytesPerSample) + byteInSample;
                    stride = bytesPerSample;
                }
                else
                {
                    first = (s * bytesPerSample) + byteInSample;
                    stride = bytesPerSample * info.SamplesPerPixel;
                }
                PackBits.Decode(encodedFrame[(int)start..(int)end], destination, first, stride, planeLength, segment);
            }
        }
    }

    private static uint SegmentOffset(ReadOnlySpan<byte> frame, int segment) =>
        BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + (segment * 4))..]);
}
