using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

public sealed class PixelCodecRegistryTests
{
    [SkippableTheory]
    [InlineData("1.2.840.10008.1.2.5")]
    [InlineData("1.2.840.10008.1.2.4.50")]
    [InlineData("1.2.840.10008.1.2.4.51")]
    [InlineData("1.2.840.10008.1.2.4.57")]
    [InlineData("1.2.840.10008.1.2.4.70\0")] // UI values are NUL-padded to even length
    [InlineData("1.2.840.10008.1.2.4.80")]
    [InlineData("1.2.840.10008.1.2.4.81")]
    [InlineData("1.2.840.10008.1.2.4.90")]
    [InlineData("1.2.840.10008.1.2.4.91")]
    [InlineData("1.2.840.10008.1.2.4.53")]
    [InlineData("1.2.840.10008.1.2.4.55")]
    [InlineData("1.2.840.10008.1.2.1.98")]
    public void Encapsulated_syntaxes_have_a_codec(string uid)
    {
        Assert.True(PixelCodecRegistry.TryGet(uid, out var codec));
        Assert.Contains(uid.TrimEnd('\0'), codec.TransferSyntaxUids);
    }

    [SkippableFact]
    public void Encapsulated_uncompressed_frames_are_copied()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 0, 2, 0).Item(3, 0, 4, 0).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, TransferSyntaxes.EncapsulatedUncompressed, "u.dcm");
        var info = new PixelFrameInfo(1, 2, 1, 16, 16, false, 0, "MONOCHROME2");
        var output = new byte[4];
        PixelFrameDecoder.Decode(TransferSyntaxes.EncapsulatedUncompressed, frames[1].Span, info, output, "u.dcm", 1);
        Assert.Equal(new byte[] { 3, 0, 4, 0 }, output);
        Assert.Throws<DicomFormatException>(
            () => PixelFrameDecoder.Decode(TransferSyntaxes.EncapsulatedUncompressed, frames[1].Span[..2], info, output, "u.dcm", 1));
    }

    [SkippableTheory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.4.92")]
    [InlineData("1.2.840.10008.1.2.4.201")]
    [InlineData("1.2.3.4")]
    public void Native_and_unsupported_syntaxes_have_none(string uid) => Assert.False(PixelCodecRegistry.TryGet(uid, out _));

    [SkippableTheory]
    [InlineData("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression")]
    [InlineData("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression")]
    [InlineData("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264")]
    [InlineData("1.9.9", "unknown transfer syntax")]
    public void Unsupported_syntax_error_names_uid_name_and_file(string uid, string name)
    {
        var e = Assert.Throws<UnsupportedTransferSyntaxException>(() => PixelCodecRegistry.GetOrThrow(uid, "/data/x.dcm"));
        Assert.Contains(uid, e.Message, StringComparison.Ordinal);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains("/data/x.dcm", e.Message, StringComparison.Ordinal);
        Assert.Equal(uid, e.TransferSyntaxUid);
    }

    [SkippableFact]
    public void Corrupt_frame_error_names_file_and_frame()
    {
        var info = new PixelFrameInfo(2, 2, 1, 8, 8, false, 0, "MONOCHROME2");
        var e = Assert.Throws<DicomFormatException>(
            () => PixelFrameDecoder.Decode(TransferSyntaxes.JpegBaseline, new byte[] { 1, 2, 3 }, info, new byte[4], "/data/y.dcm", 2));
        Assert.Equal("/data/y.dcm", e.FilePath);
        Assert.Contains("frame 3", e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(TransferSyntaxes.JpegBaseline, "YBR_FULL_422", 3, "RGB")]
    [InlineData(TransferSyntaxes.JpegExtended, "YBR_FULL", 3, "RGB")]
    [InlineData(TransferSyntaxes.JpegBaseline, "RGB", 3, "RGB")]
    [InlineData(TransferSyntaxes.JpegLosslessSv1, "YBR_FULL", 3, "YBR_FULL")]
    [InlineData(TransferSyntaxes.RleLossless, "YBR_FULL", 3, "YBR_FULL")]
    [InlineData(TransferSyntaxes.JpegBaseline, "MONOCHROME2", 1, "MONOCHROME2")]
    [InlineData("1.2.840.10008.1.2.4.90", "YBR_RCT", 3, "RGB")]
    [InlineData("1.2.840.10008.1.2.4.91", "YBR_ICT", 3, "RGB")]
    public void Decoded_photometric_interpretation(string uid, string stored, int samples, string decoded)
    {
        var info = new PixelFrameInfo(1, 1, samples, 8, 8, false, 0, stored);
        Assert.Equal(decoded, PixelCodecRegistry.DecodedPhotometricInterpretation(uid, info));
    }
}
