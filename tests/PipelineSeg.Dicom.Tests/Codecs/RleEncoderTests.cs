using System.Buffers.Binary;
using PipelineSeg.Dicom.Codecs;
using PipelineSeg.Dicom.Codecs.Rle;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>Our RLE encoder against our decoder, and the encapsulated Pixel Data it goes into against our splitter.</summary>
public sealed class RleEncoderTests
{
    private static IPixelCodec Codec => PixelCodecRegistry.GetOrThrow(TransferSyntaxes.RleLossless, "test");

    /// <summary>Runs of 1..300 equal bytes between random literals: replicate runs over 128, literal runs over 128, pairs.</summary>
    private static byte[] RunsAndLiterals(int length, int seed)
    {
        var rnd = new Random(seed);
        var data = new byte[length];
        var i = 0;
        while (i < length)
        {
            var run = rnd.Next(4) == 0 ? rnd.Next(1, 300) : 1;
            var value = (byte)rnd.Next(rnd.Next(2) == 0 ? 3 : 256);
            for (var k = 0; k < run && i < length; k++)
            {
                data[i++] = value;
            }
        }
        return data;
    }

    [SkippableTheory]
    [InlineData(8, 1, 1, 1)]
    [InlineData(8, 7, 13, 2)]
    [InlineData(8, 64, 64, 3)]
    [InlineData(16, 33, 17, 4)]
    [InlineData(32, 20, 9, 5)]
    public void Encoded_frames_decode_to_the_input(int bits, int rows, int columns, int seed)
    {
        var frame = RunsAndLiterals(rows * columns * bits / 8, seed);
        var encoded = RleEncoder.EncodeFrame(frame, bits);

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(encoded);
        Assert.Equal((uint)(bits / 8), segments);
        for (var s = 0; s < segments; s++)
        {
            var start = BinaryPrimitives.ReadUInt32LittleEndian(encoded.AsSpan(4 + (4 * s)));
            var end = s + 1 < segments ? BinaryPrimitives.ReadUInt32LittleEndian(encoded.AsSpan(8 + (4 * s))) : (uint)encoded.Length;
            Assert.Equal(0u, start & 1);
            Assert.Equal(0u, (end - start) & 1);
        }
        var decoded = new byte[frame.Length];
        Codec.Decode(encoded, new PixelFrameInfo(rows, columns, 1, bits, bits, false, 0, "MONOCHROME2"), decoded);
        Assert.Equal(frame, decoded);
    }

    [SkippableFact]
    public void Uniform_frame_compresses_to_replicate_runs()
    {
        var encoded = RleEncoder.EncodeFrame(new byte[512 * 512], 8);
        // 262144 zeros = 2048 runs of 128, two bytes each, after the 64-byte header.
        Assert.Equal(64 + (2 * 2048), encoded.Length);
    }

    [SkippableFact]
    public void One_bit_data_is_refused_naming_the_alternatives()
    {
        var error = Assert.Throws<NotSupportedException>(() => RleEncoder.EncodeFrame(new byte[8], 1));
        Assert.Contains("Bits Allocated", error.Message, StringComparison.Ordinal);
        Assert.Contains("deflate", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Encapsulated_frames_split_back_with_the_offset_table()
    {
        var frames = new[] { new byte[] { 1, 2, 3 }, new byte[] { 4, 5, 6, 7 }, new byte[] { 8 } };
        var element = EncapsulatedPixelDataWriter.Create(frames);
        Assert.True(element.IsEncapsulated);
        var value = element.Value.Span;
        // Basic Offset Table: fragments are padded to even length, 8-byte item headers.
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(value[4..]));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(value[8..]));
        Assert.Equal(12u, BinaryPrimitives.ReadUInt32LittleEndian(value[12..]));
        Assert.Equal(24u, BinaryPrimitives.ReadUInt32LittleEndian(value[16..]));
        Assert.Equal(0xE0DDFFFEu, BinaryPrimitives.ReadUInt32LittleEndian(value[^8..]));

        var split = EncapsulatedPixelData.SplitFrames(element.Value, 3, TransferSyntaxes.RleLossless, "test");
        Assert.Equal(3, split.Count);
        Assert.Equal([1, 2, 3, 0], split[0].ToArray());
        Assert.Equal([4, 5, 6, 7], split[1].ToArray());
        Assert.Equal([8, 0], split[2].ToArray());
    }
}
