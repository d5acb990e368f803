using System.Buffers.Binary;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>Round trips through the test encoder: every predictor, precisions 2–16, restart intervals, colour.</summary>
public sealed class JpegLosslessTests
{
    private static ushort[] Image(int width, int height, int components, int precision, int seed)
    {
        var random = new Random(seed);
        var max = (1 << precision) - 1;
        var samples = new ushort[width * height * components];
        for (var i = 0; i < samples.Length; i++)
        {
            var x = i / components % width;
            samples[i] = (ushort)Math.Clamp((x * max / width) + random.Next(-max / 8, (max / 8) + 1), 0, max);
        }
        return samples;
    }

    private static ushort[] Decode(byte[] jpeg, int width, int height, int components, int bitsAllocated, string uid = TransferSyntaxes.JpegLossless)
    {
        var info = new PixelFrameInfo(height, width, components, bitsAllocated, bitsAllocated, false, 0, components == 3 ? "RGB" : "MONOCHROME2");
        var output = new byte[info.FrameLength];
        PixelCodecRegistry.GetOrThrow(uid, "test").Decode(jpeg, info, output);
        return bitsAllocated == 8
            ? output.Select(b => (ushort)b).ToArray()
            : Enumerable.Range(0, output.Length / 2).Select(i => BinaryPrimitives.ReadUInt16LittleEndian(output.AsSpan(i * 2))).ToArray();
    }

    [SkippableTheory]
    [InlineData(1, 8, 0)]
    [InlineData(2, 12, 0)]
    [InlineData(3, 16, 0)]
    [InlineData(4, 12, 1)]
    [InlineData(5, 16, 2)]
    [InlineData(6, 8, 3)]
    [InlineData(7, 16, 1)]
    [InlineData(7, 2, 0)]
    [InlineData(1, 16, 5)]
    public void Every_predictor_round_trips_with_restart_intervals(int predictor, int precision, int restartRows)
    {
        const int Width = 23, Height = 17;
        var image = Image(Width, Height, 1, precision, predictor * 100 + precision);
        var jpeg = LosslessJpegWriter.Encode(image, Width, Height, 1, precision, predictor, restartRows: restartRows);
        Assert.Equal(image, Decode(jpeg, Width, Height, 1, precision > 8 ? 16 : 8));
    }

    [SkippableFact]
    public void Interleaved_colour_scan_round_trips()
    {
        var image = Image(9, 7, 3, 8, 3);
        var jpeg = LosslessJpegWriter.Encode(image, 9, 7, 3, 8, predictor: 6, restartRows: 2);
        Assert.Equal(image, Decode(jpeg, 9, 7, 3, 8));
    }

    [SkippableFact]
    public void Point_transform_shifts_samples_back()
    {
        var image = Image(16, 8, 1, 12, 5);
        var jpeg = LosslessJpegWriter.Encode(image, 16, 8, 1, 12, predictor: 1, pointTransform: 3);
        Assert.Equal(image.Select(s => (ushort)(s >> 3 << 3)).ToArray(), Decode(jpeg, 16, 8, 1, 16));
    }

    [SkippableFact]
    public void Difference_category_16_means_32768_without_extra_bits()
    {
        // Alternating 0 / 32768 on the first line: every difference is exactly 32768.
        var image = new ushort[8 * 2];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (ushort)(i % 2 == 0 ? 0 : 32768);
        }
        var jpeg = LosslessJpegWriter.Encode(image, 8, 2, 1, 16, predictor: 1);
        Assert.Equal(image, Decode(jpeg, 8, 2, 1, 16));
    }

    [SkippableFact]
    public void Lossless_stream_under_a_baseline_transfer_syntax_is_decoded_by_its_SOF()
    {
        // Regression: PACS exports that label JPEG lossless frames as baseline (.50) still decode.
        var image = Image(10, 6, 1, 8, 9);
        var jpeg = LosslessJpegWriter.Encode(image, 10, 6, 1, 8, predictor: 1);
        Assert.Equal(image, Decode(jpeg, 10, 6, 1, 8, TransferSyntaxes.JpegBaseline));
    }

    [SkippableFact]
    public void Frame_size_must_match_the_dataset()
    {
        var jpeg = LosslessJpegWriter.Encode(Image(10, 6, 1, 8, 9), 10, 6, 1, 8, predictor: 1);
        var e = Assert.Throws<DicomFormatException>(() => Decode(jpeg, 12, 6, 1, 8));
        Assert.Contains("10x6x1", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Endless_repeated_scans_are_rejected()
    {
        // Regression (hostile input): every SOS re-decodes the whole image, so thousands of them would take minutes.
        var jpeg = LosslessJpegWriter.Encode(Image(8, 8, 1, 8, 1), 8, 8, 1, 8, predictor: 1);
        var sos = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        var scan = jpeg[sos..^2];
        var hostile = jpeg[..sos].Concat(Enumerable.Repeat(scan, 100).SelectMany(s => s)).Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        var e = Assert.Throws<DicomFormatException>(() => Decode(hostile, 8, 8, 1, 8));
        Assert.Contains("scans", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Truncated_stream_decodes_in_bounded_time_or_fails_cleanly()
    {
        var image = Image(64, 64, 1, 16, 11);
        var jpeg = LosslessJpegWriter.Encode(image, 64, 64, 1, 16, predictor: 1);
        var rejected = 0;
        for (var length = 0; length < jpeg.Length; length += 37)
        {
            try
            {
                Decode(jpeg[..length], 64, 64, 1, 16);
            }
            catch (DicomFormatException)
            {
                rejected++;
            }
        }
        // The empty and header-only prefixes cannot decode, and the untruncated stream must still round-trip exactly.
        Assert.True(rejected > 0, "no truncated prefix was rejected");
        Assert.Equal(image, Decode(jpeg, 64, 64, 1, 16));
    }
}
