using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Intake;

public sealed class SeriesIntakeTests
{
    [SkippableFact]
    public async Task A_PACS_export_sorts_into_image_series_ground_truth_rejections_and_notes()
    {
        using var phantom = await PhantomFolder.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(phantom.Folder, "README.txt"), "exported by PACS");
        await File.WriteAllBytesAsync(Path.Combine(phantom.Folder, "junk.dcm"), [1, 2, 3, 4, 5]);

        var scan = await SeriesIntake.ScanAsync(phantom.Root);

        var series = Assert.Single(scan.Candidates);
        Assert.Equal("CT", series.Modality);
        Assert.Equal(6, series.Slices.Count);
        Assert.Single(scan.GroundTruth);
        var ignored = Assert.Single(scan.Ignored);
        Assert.EndsWith("README.txt", ignored.FilePath, StringComparison.Ordinal);
        // A .dcm that is not DICOM is a broken export, not a stray note.
        var rejected = Assert.Single(scan.Rejected);
        Assert.Equal("junk.dcm", rejected.Name);
        Assert.Contains("junk.dcm", rejected.Reason, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("1.2.840.10008.5.1.4.1.1.66.4", true)]
    [InlineData("1.2.840.10008.5.1.4.1.1.66.7", true)]
    [InlineData("1.2.840.10008.5.1.4.1.1.2", false)]
    public void Segmentation_storage_classes_are_recognised(string sopClass, bool expected) =>
        Assert.Equal(expected, SeriesIntake.IsSegmentation(sopClass));
}
