using PipelineSeg.Dicom;
using PipelineSeg.Imaging.Phantoms;
using PipelineSeg.Pipeline.Phantoms;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Phantoms;

/// <summary>samples/dicom is reproducible: regenerating a sample with the recipe in samples/README.md gives the same series.</summary>
public sealed class SampleReproducibilityTests
{
    [SkippableFact]
    public async Task Regenerating_phantom_0002_gives_the_committed_UIDs_geometry_and_voxels()
    {
        var temp = TestPaths.NewTempDirectory("sample-regen");
        try
        {
            var (_, folder) = await PhantomExporter.ExportAsync(2, new PhantomOptions { Size = 192, Slices = 24 }, PhantomFormat.Dicom, temp);
            var regenerated = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(folder, "ct"))).Volumes);
            var committed = Assert.Single((await DicomSeriesScanner.ScanAsync(TestPaths.Repo("samples", "dicom", "phantom-0002", "ct"))).Volumes);

            Assert.Equal(committed.SeriesInstanceUid, regenerated.SeriesInstanceUid);
            Assert.Equal(committed.Slices.Select(s => s.SopInstanceUid), regenerated.Slices.Select(s => s.SopInstanceUid));
            Assert.Equal(committed.Geometry, regenerated.Geometry);
            var a = await DicomVolumeLoader.LoadImageAsync(committed);
            var b = await DicomVolumeLoader.LoadImageAsync(regenerated);
            Assert.True(a.Span.SequenceEqual(b.Span), "voxels differ: regenerate samples/dicom with the recipe in samples/README.md");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
