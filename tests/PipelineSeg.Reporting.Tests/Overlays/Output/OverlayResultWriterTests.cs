using PipelineSeg.Dicom;
using PipelineSeg.Dicom.SecondaryCapture;
using PipelineSeg.Reporting.Overlays;
using PipelineSeg.Reporting.Overlays.Output;

namespace PipelineSeg.Reporting.Tests.Overlays.Output;

public sealed class OverlayResultWriterTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("overlay-writer");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SkippableFact]
    public async Task Key_slices_become_an_RGB_secondary_capture_series_in_the_source_study_naming_the_model()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var files = await SampleSeries.Writer(OverlaySliceSelection.Key).WriteAsync(context, CancellationToken.None);

        var expectedSlices = KeySlices.Select(context.Labels, SlicePlane.Axial, 4);
        Assert.Equal(expectedSlices.Count, files.Count);
        Assert.All(files, f => Assert.StartsWith("overlay" + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        for (var k = 0; k < files.Count; k++)
        {
            using var file = DicomFile.Open(Path.Combine(_root, files[k]));
            var ds = file.Dataset;
            Assert.Equal(SopClasses.SecondaryCaptureImageStorage, ds.GetString(DicomTags.SOPClassUID));
            Assert.Equal(context.Series.StudyInstanceUid, ds.GetString(DicomTags.StudyInstanceUID));
            Assert.NotEqual(context.Series.SeriesInstanceUid, ds.GetString(DicomTags.SeriesInstanceUID));
            Assert.Equal(320, ds.GetInt32(DicomTags.SeriesNumber, 0));
            Assert.Equal("Overlay Liver test model 1.2.3", ds.GetString(DicomTags.SeriesDescription));
            Assert.Equal("YES", ds.GetString(DicomTags.BurnedInAnnotation));
            Assert.Equal("RGB", ds.GetString(DicomTags.PhotometricInterpretation));
            var source = context.Series.Slices[expectedSlices[k]];
            Assert.Equal(source.SopInstanceUid, ds.GetFirstItem(DicomTags.SourceImageSequence)!.GetString(DicomTags.ReferencedSOPInstanceUID));
        }
    }

    [SkippableFact]
    public async Task All_slices_read_back_as_a_volume_with_the_source_geometry()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var files = await SampleSeries.Writer(OverlaySliceSelection.All).WriteAsync(context, CancellationToken.None);

        Assert.Equal(context.Series.Slices.Count, files.Count);
        var overlay = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(_root, OverlayResultWriter.FolderName))).Volumes);
        var (a, b) = (overlay.Geometry!, context.Series.Geometry!);
        Assert.Equal((b.Columns, b.Rows, b.Slices), (a.Columns, a.Rows, a.Slices));
        Assert.True((a.Origin - b.Origin).Length < 0.01, $"origin {a.Origin} vs {b.Origin}");
        Assert.True((a.Spacing - b.Spacing).Length < 1e-4, $"spacing {a.Spacing} vs {b.Spacing}");
        Assert.True((a.SliceDirection - b.SliceDirection).Length < 1e-4 && (a.RowDirection - b.RowDirection).Length < 1e-4);
    }

    [SkippableFact]
    public async Task Read_back_fails_with_the_figures_when_an_image_is_not_where_its_slice_is()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var files = await SampleSeries.Writer(OverlaySliceSelection.Key).WriteAsync(context, CancellationToken.None);
        var rgb = new byte[3 * context.Series.Rows * context.Series.Columns];
        // the files hold key slices; claim they were meant for the slices after them
        var meant = KeySlices.Select(context.Labels, SlicePlane.Axial, 4).Select(z => new SecondaryCaptureFrame((z + 1) % context.Series.Slices.Count, rgb)).ToList();
        var error = Assert.Throws<OverlayReadBackException>(() => OverlayReadBack.Verify([.. files.Select(f => Path.Combine(_root, f))], context.Series, meant));
        Assert.Contains("lies at", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Dciodvfy_finds_no_error_and_dcmdump_and_pydicom_read_the_images()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var files = await SampleSeries.Writer(OverlaySliceSelection.Key).WriteAsync(context, CancellationToken.None);
        var path = Path.Combine(_root, files[0]);

        var dciodvfy = ExternalTool.Run("dciodvfy", [path]);
        var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        var dump = ExternalTool.Run("dcmdump", ["+P", "BurnedInAnnotation", "+P", "SOPClassUID", path]);
        Assert.Equal(0, dump.ExitCode);
        Assert.Contains("[YES]", dump.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("=SecondaryCaptureImageStorage", dump.StandardOutput, StringComparison.Ordinal);

        const string Script = """
import sys, pydicom, numpy as np
ds = pydicom.dcmread(sys.argv[1])
a = ds.pixel_array
print(a.shape[0], a.shape[1], a.shape[2], int(a[..., 0].astype(int).sum() != a[..., 1].astype(int).sum()), ds.ImagePositionPatient[2])
""";
        var fields = ExternalTool.RunPython(Script, path).Trim().Split(' ');
        var position = context.Series.Slices[KeySlices.Select(context.Labels, SlicePlane.Axial, 4)[0]].Position!.Value;
        Assert.Equal(["256", "256", "3", "1"], fields[..4]); // colour, not grey: the overlay is in the pixels
        Assert.Equal(position.Z, double.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture), 3);
    }
}
