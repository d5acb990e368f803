using PipelineSeg.Dicom;
using PipelineSeg.Phantoms.Export;
using PipelineSeg.Phantoms.Generation;

namespace PipelineSeg.Phantoms.Tests.Export;

/// <summary>samples/dicom is reproducible: regenerating a sample with the recipe in samples/README.md gives the same series.</summary>
public sealed class SampleReproducibilityTests
{
    [SkippableTheory]
    [InlineData(1, 256, 24)]
    [InlineData(2, 192, 24)]
    public async Task Regenerating_a_sample_gives_the_committed_CT_files_byte_for_byte(int seed, int size, int slices)
    {
        var temp = TestPaths.NewTempDirectory("sample-regen");
        try
        {
            var (_, folder) = await PhantomExporter.ExportAsync(seed, new PhantomOptions { Size = size, Slices = slices }, PhantomFormat.Dicom, temp);
            var committedFolder = TestPaths.Repo("samples", "dicom", PhantomExporter.FolderName(seed), "ct");
            var regenerated = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(folder, "ct"))).Volumes);
            var committed = Assert.Single((await DicomSeriesScanner.ScanAsync(committedFolder)).Volumes);

            // UIDs and geometry first, for a readable failure; then every byte (header and voxels).
            Assert.Equal(committed.SeriesInstanceUid, regenerated.SeriesInstanceUid);
            Assert.Equal(committed.Slices.Select(s => s.SopInstanceUid), regenerated.Slices.Select(s => s.SopInstanceUid));
            Assert.Equal(committed.Geometry, regenerated.Geometry);
            var names = Directory.GetFiles(committedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(names, Directory.GetFiles(Path.Combine(folder, "ct")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var name in names)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(committedFolder, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "ct", name!))),
                    $"{name} differs: regenerate samples/dicom with the recipe in samples/README.md");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Regenerating_the_implicit_VR_sample_gives_the_committed_UIDs_geometry_and_voxels()
    {
        // phantom-0003 was re-encoded by dcmconv +ti (see samples/README.md), so only its content can match.
        var temp = TestPaths.NewTempDirectory("sample-regen");
        try
        {
            var (_, folder) = await PhantomExporter.ExportAsync(3, new PhantomOptions { Size = 128, Slices = 32 }, PhantomFormat.Dicom, temp);
            var regenerated = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(folder, "ct"))).Volumes);
            var committed = Assert.Single((await DicomSeriesScanner.ScanAsync(TestPaths.Repo("samples", "dicom", "phantom-0003", "ct"))).Volumes);

            Assert.Equal(committed.SeriesInstanceUid, regenerated.SeriesInstanceUid);
            Assert.Equal(committed.Slices.Select(s => s.SopInstanceUid), regenerated.Slices.Select(s => s.SopInstanceUid));
            Assert.Equal(committed.Geometry, regenerated.Geometry);
            Assert.Equal(DicomPixelLoader.LoadVolume(committed), DicomPixelLoader.LoadVolume(regenerated));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
