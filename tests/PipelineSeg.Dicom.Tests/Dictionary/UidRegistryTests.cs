namespace PipelineSeg.Dicom.Tests.Dictionary;

public sealed class UidRegistryTests
{
    [SkippableTheory]
    [InlineData("1.2.840.10008.5.1.4.1.1.66.4", true)]   // Segmentation Storage
    [InlineData("1.2.840.10008.5.1.4.1.1.66.7", true)]   // Label Map Segmentation Storage
    [InlineData("1.2.840.10008.5.1.4.1.1.66.7\0", true)] // UI values are NUL-padded to even length
    [InlineData("1.2.840.10008.5.1.4.1.1.2", false)]
    [InlineData(null, false)]
    public void Both_segmentation_SOP_classes_are_segmentations(string? uid, bool expected) =>
        Assert.Equal(expected, SopClasses.IsSegmentation(uid));

    [SkippableFact]
    public void Transfer_syntaxes_take_uids_and_names_from_the_one_registry()
    {
        Assert.Equal(TransferSyntaxes.ExplicitVRBigEndian, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.2\0").Uid);
        Assert.True(DicomTransferSyntax.Lookup(TransferSyntaxes.ExplicitVRBigEndian).IsBigEndian);
        Assert.Equal("Implicit VR Little Endian", DicomTransferSyntax.ImplicitVRLittleEndian.Name);
        Assert.Equal("Deflated Image Frame Compression", TransferSyntaxes.Describe(TransferSyntaxes.DeflatedImageFrameCompression));
    }
}
