using System.Buffers.Binary;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom.Tests.Codecs;

public sealed class EncapsulatedPixelDataTests
{
    private const string Jpeg = TransferSyntaxes.JpegLosslessSv1;
    private static readonly byte[] Soi = [0xFF, 0xD8, 0xFF, 0xC3];

    [SkippableFact]
    public void One_frame_in_one_fragment_is_a_slice_of_the_input()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 2, 3, 4).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "a.dcm");
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, frames.Single().ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(frames[0], out var segment) && segment.Array == value);
    }

    [SkippableFact]
    public void One_frame_over_several_fragments_is_joined()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 2).Item(3, 4).Item(5, 6).Delimiter().ToArray();
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "a.dcm")[0].ToArray());
    }

    [SkippableFact]
    public void Basic_offset_table_groups_fragments_into_frames()
    {
        // Offsets are from the first fragment's item tag: fragment items are 8 + 2 bytes each.
        var value = new EncapsulatedBuilder().Offsets(0, 20).Item(1, 1).Item(2, 2).Item(3, 3).Item(4, 4).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, Jpeg, "a.dcm");
        Assert.Equal(new byte[] { 1, 1, 2, 2 }, frames[0].ToArray());
        Assert.Equal(new byte[] { 3, 3, 4, 4 }, frames[1].ToArray());
    }

    [SkippableFact]
    public void Extended_offset_table_is_used_when_given()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 1).Item(2, 2).Item(3, 3).Delimiter().ToArray();
        var eot = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(eot.AsSpan(8), 10);
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, Jpeg, "a.dcm", eot);
        Assert.Equal(new byte[] { 1, 1 }, frames[0].ToArray());
        Assert.Equal(new byte[] { 2, 2, 3, 3 }, frames[1].ToArray());
    }

    [SkippableFact]
    public void Empty_offset_table_with_one_fragment_per_frame()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 1).Item(2, 2).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, TransferSyntaxes.RleLossless, "a.dcm");
        Assert.Equal(new byte[] { 2, 2 }, frames[1].ToArray());
    }

    [SkippableFact]
    public void Empty_offset_table_finds_JPEG_frames_by_SOI()
    {
        var value = new EncapsulatedBuilder().Item().Item(Soi).Item(9, 9).Item(Soi).Item(8, 8).Item(7, 7).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, Jpeg, "a.dcm");
        Assert.Equal([.. Soi, 9, 9], frames[0].ToArray());
        Assert.Equal([.. Soi, 8, 8, 7, 7], frames[1].ToArray());
    }

    [SkippableFact]
    public void Wrong_offset_table_falls_back_to_markers()
    {
        // Real exports write BOTs with one entry too many or offsets from the wrong origin.
        var value = new EncapsulatedBuilder().Offsets(0, 3, 99).Item(Soi).Item(Soi).Delimiter().ToArray();
        var frames = EncapsulatedPixelData.SplitFrames(value, 2, Jpeg, "a.dcm");
        Assert.Equal(2, frames.Count);
        Assert.Equal(Soi, frames[1].ToArray());
    }

    [SkippableFact]
    public void Missing_sequence_delimiter_is_tolerated()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 2).ToArray();
        Assert.Equal(new byte[] { 1, 2 }, EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "a.dcm")[0].ToArray());
    }

    [SkippableFact]
    public void Odd_fragment_length_names_source_and_offset()
    {
        var value = new EncapsulatedBuilder().Item().Item(1, 2, 3).Delimiter().ToArray();
        var e = Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "odd.dcm"));
        Assert.Equal("odd.dcm", e.FilePath);
        Assert.Equal(8, e.Offset);
        Assert.Contains("odd length 3", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Absurd_item_length_is_rejected_without_allocating()
    {
        var value = new EncapsulatedBuilder().Item().Raw(0xFFFE, 0xE000, 0xFFFFFFF0, [1, 2]).ToArray();
        var e = Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "big.dcm"));
        Assert.Contains("exceeds", e.Message, StringComparison.Ordinal);
        Assert.Equal(8, e.Offset);
    }

    [SkippableFact]
    public void Non_item_tag_is_rejected()
    {
        var value = new EncapsulatedBuilder().Item().Raw(0x7FE0, 0x0010, 2, [1, 2]).ToArray();
        Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(value, 1, Jpeg, "tag.dcm"));
    }

    [SkippableFact]
    public void Fewer_fragments_than_frames_is_an_error()
    {
        var value = new EncapsulatedBuilder().Item().Item(Soi).Delimiter().ToArray();
        Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(value, 3, Jpeg, "few.dcm"));
    }

    [SkippableFact]
    public void No_fragments_or_no_frames_is_an_error()
    {
        Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(new EncapsulatedBuilder().Item().Delimiter().ToArray(), 1, Jpeg, "x"));
        Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(new EncapsulatedBuilder().Item().Item(1, 1).ToArray(), 0, Jpeg, "x"));
        Assert.Throws<DicomFormatException>(() => EncapsulatedPixelData.SplitFrames(new byte[] { 1, 2, 3 }, 1, Jpeg, "x"));
    }

    [SkippableFact]
    public void Mutated_values_fail_only_with_DicomFormatException()
    {
        var value = new EncapsulatedBuilder().Offsets(0, 20).Item(Soi).Item(1, 1).Item(Soi).Item(2, 2).Delimiter().ToArray();
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var mutated = (byte[])value.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            if (random.Next(3) == 0)
            {
                mutated = mutated[..random.Next(mutated.Length)];
            }
            try
            {
                foreach (var frame in EncapsulatedPixelData.SplitFrames(mutated, 1 + random.Next(3), Jpeg, "fuzz"))
                {
                    Assert.True(frame.Length <= mutated.Length);
                }
            }
            catch (DicomFormatException)
            {
            }
        }
    }
}
