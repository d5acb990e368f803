using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Hostile;

public sealed class MalformedInputTests
{
    [SkippableFact]
    public void A_4_gb_length_in_a_tiny_file_is_a_format_error_naming_tag_and_offset()
    {
        var bytes = new DatasetBytes().Text(0x0008, 0x0060, "CS", "CT")
            .Element(0x0010, 0x0010, "UT", [], 0xFFFFFFF0).ToPart10("1.2.840.10008.1.2.1");
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Parse(bytes, "tiny.dcm"));
        Assert.Equal(new DicomTag(0x0010, 0x0010), ex.Tag);
        Assert.NotNull(ex.Offset);
        Assert.Contains("tiny.dcm", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Deep_nesting_is_refused_without_stack_overflow()
    {
        var b = new DatasetBytes();
        for (var i = 0; i < 10_000; i++)
        {
            b.Element(0x0008, 0x1115, "SQ", [], 0xFFFFFFFF).Tag(0xFFFE, 0xE000, 0xFFFFFFFF);
        }
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Parse(b.ToPart10("1.2.840.10008.1.2.1"), "deep.dcm"));
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Missing_sequence_delimiter_at_end_of_file_is_reported()
    {
        var bytes = new DatasetBytes().Element(0x0008, 0x1115, "SQ", [], 0xFFFFFFFF)
            .Tag(0xFFFE, 0xE000, 0xFFFFFFFF).Text(0x0008, 0x0060, "CS", "CT").ToPart10("1.2.840.10008.1.2.1");
        Assert.Throws<DicomFormatException>(() => DicomFile.Parse(bytes, "nodelim.dcm"));
    }

    [SkippableTheory]
    [InlineData("malformed/pydicom/rtplan_truncated.dcm", false)]
    [InlineData("malformed/pydicom/MR_truncated.dcm", true)]
    public void Truncated_or_inconsistent_files_fail_with_file_and_tag(string relative, bool headerReadable)
    {
        var path = Samples.Path(relative.Split('/'));
        if (headerReadable)
        {
            using var header = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
            Assert.True(header.Dataset.Count > 0);
        }
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Open(path));
        Assert.Contains(Path.GetFileName(path), ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Tag);
        Assert.NotNull(ex.Offset);
    }

    [SkippableTheory]
    [InlineData("malformed/pydicom/UN_sequence.dcm")]
    [InlineData("malformed/pydicom-data/bad_sequence.dcm")]
    [InlineData("malformed/fo-dicom/GH223.dcm")]
    [InlineData("malformed/fo-dicom/GH487.dcm")]
    [InlineData("malformed/fo-dicom/GH220.dcm")]
    [InlineData("malformed/fo-dicom/GH177_D_CLUNIE_CT1_IVRLE_BigEndian_undefined_length.dcm")]
    [InlineData("malformed/pydicom/ExplVR_BigEndNoMeta.dcm")]
    [InlineData("malformed/pydicom/ExplVR_LitEndNoMeta.dcm")]
    [InlineData("malformed/pydicom/meta_missing_tsyntax.dcm")]
    [InlineData("malformed/pydicom/no_meta_group_length.dcm")]
    [InlineData("malformed/pydicom/JPEG2000-embedded-sequence-delimiter.dcm")]
    [InlineData("malformed/pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm")]
    public void Quirky_but_readable_files_are_read(string relative)
    {
        using var file = DicomFile.Open(Samples.Path(relative.Split('/')));
        Assert.True(file.Dataset.Count > 0);
    }

    [SkippableFact]
    public void Big_endian_file_with_un_of_undefined_length_reads_pixels()
    {
        // fo-dicom GH177: (0008,2112) UN, undefined length, inside an explicit big endian dataset (CP-246).
        using var file = DicomFile.Open(Samples.Path("malformed", "fo-dicom", "GH177_D_CLUNIE_CT1_IVRLE_BigEndian_undefined_length.dcm"));
        Assert.Single(file.Dataset.GetSequence(DicomTags.SourceImageSequence));
        Assert.Equal(512 * 512 * 2, file.Dataset.GetElement(DicomTags.PixelData)!.Length);
    }

    [SkippableFact]
    public void Explicit_private_sequence_with_short_length_inside_implicit_dataset_still_reaches_pixel_data()
    {
        // fo-dicom GH626: Philips private SQ written in explicit VR, declared 4 bytes too short, in an implicit dataset.
        using var file = DicomFile.Open(Samples.Path("malformed", "fo-dicom", "GH626.dcm"));
        Assert.Equal(256 * 256 * 2, file.Dataset.GetElement(DicomTags.PixelData)!.Length);
        Assert.Contains(file.Warnings, w => w.Contains("(2005,140F)", StringComparison.Ordinal));
        var pixels = DicomPixelData.Create(file);
        var plane = new float[256 * 256];
        DicomPixelLoader.LoadFrame(pixels, 0, plane); // the sample's pixels are all zero; decoding must not throw
    }

    [SkippableFact]
    public void Implausible_image_headers_are_format_errors_not_overflows()
    {
        var encapsulated = new DatasetBytes()
            .Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2\0")
            .Text(0x0008, 0x0018, "UI", "1.2.3.4\0")
            .Text(0x0028, 0x0008, "IS", "1000000000")
            .UInt16(0x0028, 0x0010, 65535).UInt16(0x0028, 0x0011, 65535)
            .UInt16(0x0028, 0x0100, 16).UInt16(0x0028, 0x0101, 16)
            .Element(0x7FE0, 0x0010, "OB", [], 0xFFFFFFFF)
            .Tag(0xFFFE, 0xE000, 0).Tag(0xFFFE, 0xE000, 4).Raw([1, 2, 3, 4]).Tag(0xFFFE, 0xE0DD, 0)
            .ToPart10("1.2.840.10008.1.2.5");
        using var file = DicomFile.Parse(encapsulated, "huge.dcm");
        Assert.Throws<DicomFormatException>(() => DicomInstanceHeader.FromFile(file));
        Assert.Throws<DicomFormatException>(() => DicomPixelData.Create(file));
    }
}
