using System.Buffers.Binary;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

public sealed class RleCodecTests
{
    private static IPixelCodec Codec => PixelCodecRegistry.GetOrThrow(TransferSyntaxes.RleLossless, "test");

    /// <summary>An RLE frame: 64-byte header with the segment offsets, then the segments.</summary>
    private static byte[] Frame(params byte[][] segments)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments.Length);
        var offset = 64;
        for (var i = 0; i < segments.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4 + (4 * i)), (uint)offset);
            offset += segments[i].Length;
        }
        return [.. header, .. segments.SelectMany(s => s)];
    }

    private static PixelFrameInfo Info(int rows, int columns, int samples = 1, int bits = 8, int planar = 0) =>
        new(rows, columns, samples, bits, bits, false, planar, samples == 3 ? "RGB" : "MONOCHROME2");

    [SkippableFact]
    public void Literal_replicate_and_noop_runs()
    {
        // 2 => copy 3 literals; -2 (0xFE) => repeat next byte 3 times; -128 (0x80) => no-op.
        var frame = Frame([0x02, 1, 2, 3, 0x80, 0xFE, 9]);
        var output = new byte[6];
        Codec.Decode(frame, Info(2, 3), output);
        Assert.Equal(new byte[] { 1, 2, 3, 9, 9, 9 }, output);
    }

    [SkippableFact]
    public void Sixteen_bit_segments_are_most_significant_byte_first()
    {
        var frame = Frame([0x01, 0x12, 0x34], [0x01, 0x56, 0x78]);
        var output = new byte[4];
        Codec.Decode(frame, Info(1, 2, bits: 16), output);
        Assert.Equal(new byte[] { 0x56, 0x12, 0x78, 0x34 }, output); // little-endian 0x1256, 0x3478
    }

    [SkippableFact]
    public void Thirty_two_bit_uses_four_segments()
    {
        var frame = Frame([0x00, 0x01], [0x00, 0x02], [0x00, 0x03], [0x00, 0x04]);
        var output = new byte[4];
        Codec.Decode(frame, Info(1, 1, bits: 32), output);
        Assert.Equal(0x01020304u, BinaryPrimitives.ReadUInt32LittleEndian(output));
    }

    [SkippableTheory]
    [InlineData(0, new byte[] { 10, 20, 30, 11, 21, 31 })]
    [InlineData(1, new byte[] { 10, 11, 20, 21, 30, 31 })]
    public void Colour_output_honours_planar_configuration(int planar, byte[] expected)
    {
        var frame = Frame([0x01, 10, 11], [0x01, 20, 21], [0x01, 30, 31]);
        var output = new byte[6];
        Codec.Decode(frame, Info(1, 2, samples: 3, planar: planar), output);
        Assert.Equal(expected, output);
    }

    [SkippableFact]
    public void Extra_decoded_bytes_are_ignored()
    {
        // Some encoders pad each segment to an even length with an extra literal.
        var output = new byte[2];
        Codec.Decode(Frame([0x02, 1, 2, 3]), Info(1, 2), output);
        Assert.Equal(new byte[] { 1, 2 }, output);
    }

    [SkippableFact]
    public void Short_segment_is_a_format_error()
    {
        var e = Assert.Throws<DicomFormatException>(() => Codec.Decode(Frame([0x01, 1, 2]), Info(2, 2), new byte[4]));
        Assert.Contains("decodes to 2 bytes, expected 4", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Segment_count_must_match_samples_and_bytes()
    {
        Assert.Throws<DicomFormatException>(() => Codec.Decode(Frame([0x00, 1]), Info(1, 1, bits: 16), new byte[2]));
    }

    [SkippableFact]
    public void Segment_offsets_outside_the_frame_are_rejected()
    {
        var frame = Frame([0x00, 1]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 1_000_000);
        Assert.Throws<DicomFormatException>(() => Codec.Decode(frame, Info(1, 1), new byte[1]));
        Assert.Throws<DicomFormatException>(() => Codec.Decode(new byte[10], Info(1, 1), new byte[1]));
    }

    [SkippableFact]
    public void Destination_too_small_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Codec.Decode(Frame([0x01, 1, 2]), Info(1, 2), new byte[1]));
    }
}
