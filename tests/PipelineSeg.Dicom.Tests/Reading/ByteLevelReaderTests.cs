using System.Text;
using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Reading;

public sealed class ByteLevelReaderTests
{
    private static DicomFile Parse(byte[] bytes, DicomReadOptions? options = null) => DicomFile.Parse(bytes, "test.dcm", options);

    [SkippableFact]
    public void Explicit_little_endian_part10_reads_text_numbers_and_odd_lengths()
    {
        var bytes = new DatasetBytes()
            .Text(0x0008, 0x0060, "CS", "CT")
            .Text(0x0018, 0x0050, "DS", " 2.50 ")
            .Text(0x0020, 0x0013, "IS", " 17")
            .Text(0x0010, 0x0020, "LO", "ABC") // odd length, no padding
            .UInt16(0x0028, 0x0010, 512)
            .ToPart10("1.2.840.10008.1.2.1");
        using var file = Parse(bytes);
        Assert.True(file.HasPreamble);
        Assert.Equal("CT", file.Dataset.GetString(DicomTags.Modality));
        Assert.True(file.Dataset.TryGetDouble(DicomTags.SliceThickness, out var t));
        Assert.Equal(2.5, t);
        Assert.Equal(17, file.Dataset.GetInt32(DicomTags.InstanceNumber, -1));
        Assert.Equal("ABC", file.Dataset.GetString(DicomTags.PatientID));
        Assert.Equal(512, file.Dataset.GetInt32(DicomTags.Rows, -1));
    }

    [SkippableFact]
    public void Implicit_little_endian_uses_the_dictionary_for_vr()
    {
        var bytes = new DatasetBytes(explicitVR: false)
            .Element(0x0028, 0x0010, "US", [0x00, 0x02])
            .Text(0x0020, 0x0032, "DS", "1\\2.5\\-3 ")
            .ToPart10("1.2.840.10008.1.2");
        using var file = Parse(bytes);
        Assert.Equal(DicomVR.US, file.Dataset.GetElement(DicomTags.Rows)!.VR);
        Assert.Equal(512, file.Dataset.GetInt32(DicomTags.Rows, -1));
        Assert.Equal([1, 2.5, -3], file.Dataset.GetDoubles(DicomTags.ImagePositionPatient)!);
    }

    [SkippableFact]
    public void Explicit_big_endian_swaps_binary_values()
    {
        var bytes = new DatasetBytes(bigEndian: true).UInt16(0x0028, 0x0010, 300).ToPart10("1.2.840.10008.1.2.2");
        using var file = Parse(bytes);
        Assert.True(file.TransferSyntax.IsBigEndian);
        Assert.Equal(300, file.Dataset.GetInt32(DicomTags.Rows, -1));
    }

    [SkippableFact]
    public void Nested_sequences_of_defined_and_undefined_length()
    {
        var inner = new DatasetBytes().Text(0x0008, 0x0100, "SH", "123456").ToArray();
        var innerItem = new DatasetBytes().Tag(0xFFFE, 0xE000, (uint)inner.Length).Raw(inner).ToArray();
        var outerItemBody = new DatasetBytes()
            .Element(0x0040, 0xA043, "SQ", innerItem) // defined-length sequence inside
            .ToArray();
        var bytes = new DatasetBytes()
            .Element(0x0008, 0x1115, "SQ", [], 0xFFFFFFFF)
            .Tag(0xFFFE, 0xE000, 0xFFFFFFFF).Raw(outerItemBody).Tag(0xFFFE, 0xE00D, 0)
            .Tag(0xFFFE, 0xE000, 0).Tag(0xFFFE, 0xE0DD, 0)
            .Text(0x0010, 0x0010, "PN", "Doe^John")
            .ToPart10("1.2.840.10008.1.2.1");
        using var file = Parse(bytes);
        var items = file.Dataset.GetSequence(DicomTags.ReferencedSeriesSequence);
        Assert.Equal(2, items.Count);
        var nested = items[0].GetSequence(new DicomTag(0x0040, 0xA043));
        Assert.Single(nested);
        Assert.Equal("123456", nested[0].GetString(DicomTags.CodeValue));
        Assert.Equal(0, items[1].Count);
        Assert.Equal("Doe^John", file.Dataset.GetString(DicomTags.PatientName));
    }

    [SkippableFact]
    public void Un_of_undefined_length_is_parsed_as_an_implicit_little_endian_sequence()
    {
        var itemBody = new DatasetBytes(explicitVR: false).Text(0x0008, 0x1155, "UI", "1.2.3.4").ToArray();
        var bytes = new DatasetBytes()
            .Element(0x0009, 0x1010, "UN", [], 0xFFFFFFFF)
            .Tag(0xFFFE, 0xE000, (uint)itemBody.Length).Raw(itemBody).Tag(0xFFFE, 0xE0DD, 0)
            .Text(0x0008, 0x0060, "CS", "MR")
            .ToPart10("1.2.840.10008.1.2.1");
        using var file = Parse(bytes);
        var items = file.Dataset.GetSequence(new DicomTag(0x0009, 0x1010));
        Assert.Single(items);
        Assert.Equal("1.2.3.4", items[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal("MR", file.Dataset.GetString(DicomTags.Modality));
    }

    [SkippableTheory]
    [InlineData("ISO_IR 192", "Müller^Zoë", "utf-8")]
    [InlineData("ISO_IR 100", "Müller^Zoë", "latin1")]
    public void Specific_character_set_decodes_person_names(string charset, string name, string encodingName)
    {
        var encoding = encodingName == "utf-8" ? Encoding.UTF8 : Encoding.Latin1;
        var bytes = new DatasetBytes()
            .Text(0x0008, 0x0005, "CS", charset)
            .Text(0x0010, 0x0010, "PN", name, encoding)
            .ToPart10("1.2.840.10008.1.2.1");
        using var file = Parse(bytes);
        Assert.Equal(name, file.Dataset.GetString(DicomTags.PatientName));
    }

    [SkippableFact]
    public void Header_only_read_stops_before_pixel_data()
    {
        var bytes = new DatasetBytes()
            .UInt16(0x0028, 0x0010, 2)
            .Element(0x7FE0, 0x0010, "OW", new byte[8])
            .ToPart10("1.2.840.10008.1.2.1");
        using var header = Parse(bytes, DicomReadOptions.HeaderOnly);
        Assert.True(header.StoppedBeforePixelData);
        Assert.False(header.Dataset.Contains(DicomTags.PixelData));
        using var full = Parse(bytes);
        Assert.Equal(8, full.Dataset.GetElement(DicomTags.PixelData)!.Length);
    }

    [SkippableFact]
    public void Bare_datasets_are_detected()
    {
        var explicitLe = new DatasetBytes().Text(0x0008, 0x0060, "CS", "CT").ToArray();
        using (var f = Parse(explicitLe))
        {
            Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, f.TransferSyntax);
            Assert.Equal("CT", f.Dataset.GetString(DicomTags.Modality));
        }
        var implicitLe = new DatasetBytes(explicitVR: false).Text(0x0008, 0x0060, "CS", "MR").ToArray();
        using (var f = Parse(implicitLe))
        {
            Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, f.TransferSyntax);
            Assert.Equal("MR", f.Dataset.GetString(DicomTags.Modality));
        }
    }

    [SkippableFact]
    public void Text_files_are_not_dicom()
    {
        var ex = Assert.Throws<NotDicomException>(() => Parse("hello, this is a text file\n"u8.ToArray()));
        Assert.Contains("test.dcm", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Invalid_is_value_is_reported_as_absent_not_thrown()
    {
        var bytes = new DatasetBytes().Text(0x0028, 0x0008, "IS", "1A").ToPart10("1.2.840.10008.1.2.1");
        using var file = Parse(bytes);
        Assert.False(file.Dataset.TryGetInt32(DicomTags.NumberOfFrames, out _));
        Assert.Equal("1A", file.Dataset.GetString(DicomTags.NumberOfFrames));
    }
}
