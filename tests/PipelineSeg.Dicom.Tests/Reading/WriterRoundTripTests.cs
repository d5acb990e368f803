using System.Text;
using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Reading;

public sealed class WriterRoundTripTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("writer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void Written_dataset_reads_back_with_sequences_text_and_binary_values()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(DicomTags.PatientName, DicomVR.PN, "Ærø^Zoë");
        ds.SetDecimalString(DicomTags.ImagePositionPatient, -0.1234567890123, 1e-7, 123456789.5);
        ds.SetUInt16(DicomTags.Rows, 3);
        ds.SetTags(DicomTags.DimensionIndexPointer, DicomTags.ImagePositionPatient);
        var item = new DicomDataset();
        item.SetString(DicomTags.CodeValue, DicomVR.SH, "113076");
        ds.SetSequence(DicomTags.DerivationCodeSequence, item, new DicomDataset());
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 2, 3, 4, 5, 6 });
        var path = Path.Combine(_dir, "rt.dcm");
        DicomWriter.WriteFile(path, ds);

        using var file = DicomFile.Open(path);
        var back = file.Dataset;
        Assert.Equal("Ærø^Zoë", back.GetString(DicomTags.PatientName));
        var ipp = back.GetDoubles(DicomTags.ImagePositionPatient)!;
        Assert.Equal(-0.1234567890123, ipp[0], 12);
        Assert.Equal(1e-7, ipp[1], 12);
        Assert.Equal(123456789.5, ipp[2], 6);
        Assert.All(back.GetStrings(DicomTags.ImagePositionPatient), v => Assert.True(v.Length <= 16));
        Assert.Equal(3, back.GetInt32(DicomTags.Rows, 0));
        Assert.Equal(DicomTags.ImagePositionPatient, back.GetTagValue(DicomTags.DimensionIndexPointer));
        Assert.Equal(2, back.GetSequence(DicomTags.DerivationCodeSequence).Count);
        Assert.Equal("113076", back.GetSequence(DicomTags.DerivationCodeSequence)[0].GetString(DicomTags.CodeValue));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, back.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        var dump = ExternalTool.Run("dcmdump", [path]);
        Assert.True(dump.ExitCode == 0, dump.Combined);
    }

    [SkippableFact]
    public void Uids_are_2_25_decimal_and_at_most_64_characters()
    {
        for (var i = 0; i < 100; i++)
        {
            var uid = DicomUid.Generate();
            Assert.StartsWith("2.25.", uid, StringComparison.Ordinal);
            Assert.True(uid.Length <= 64);
            Assert.All(uid[5..], c => Assert.True(char.IsAsciiDigit(c)));
            Assert.False(uid.Length > 5 && uid[5] == '0' && uid.Length > 6);
        }
    }

    [SkippableFact]
    public void Large_files_are_memory_mapped_and_decode_like_pooled_reads()
    {
        var path = Samples.Path("ct-series", "dcmqi-ct-3slice", "01.dcm");
        using var pooled = DicomFile.Open(path);
        using var mapped = DicomFile.Open(path, new DicomReadOptions { MemoryMapThreshold = 1 });
        var a = new float[512 * 512];
        var b = new float[512 * 512];
        DicomPixelLoader.LoadFrame(DicomPixelData.Create(pooled), 0, a);
        DicomPixelLoader.LoadFrame(DicomPixelData.Create(mapped), 0, b);
        Assert.Equal(a, b);
        Assert.Contains(a, v => v != a[0]);
    }

    [SkippableFact]
    public void Latin1_source_names_are_copied_into_utf8_datasets()
    {
        var source = DicomFile.Parse(new DatasetBytes()
            .Text(0x0008, 0x0005, "CS", "ISO_IR 100")
            .Text(0x0010, 0x0010, "PN", "Müller^Jürgen", Encoding.Latin1)
            .ToPart10("1.2.840.10008.1.2.1"), "latin1.dcm");
        var target = new DicomDataset();
        target.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        target.CopyFrom(source.Dataset, DicomTags.PatientName);
        Assert.Equal("Müller^Jürgen"u8.ToArray(), target.GetBytes(DicomTags.PatientName).ToArray());
    }
}
