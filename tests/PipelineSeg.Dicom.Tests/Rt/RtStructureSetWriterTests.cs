using PipelineSeg.Dicom.Rt;
using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Tests.Rt;

/// <summary>RT Structure Sets written by our writer: our reader, pydicom and dciodvfy read the same ROIs and references.</summary>
public sealed class RtStructureSetWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("rtstruct-writer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly RtStructureSetWriterOptions Options = new()
    {
        Algorithm = new SegmentationAlgorithm("UNet", "1.2.3"),
        SeriesDescription = "UNet 1.2.3 RTSTRUCT",
        SeriesNumber = 310,
    };

    private static async Task<DicomSeries> SeriesAsync()
    {
        var scan = await DicomSeriesScanner.ScanAsync(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"));
        return scan.Volumes.Single();
    }

    /// <summary>A square of <paramref name="half"/> mm around the centre of slice <paramref name="k"/>, in its plane.</summary>
    private static RtContour Square(DicomSeries series, int k, double half)
    {
        var g = series.Geometry!;
        var centre = g.VoxelToPatient(series.Columns / 2.0, series.Rows / 2.0, k);
        var corners = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1) }
            .Select(c => centre + (g.RowDirection * (c.Item1 * half)) + (g.ColumnDirection * (c.Item2 * half)));
        return new RtContour(k, [.. corners.SelectMany(p => new[] { p.X, p.Y, p.Z })]);
    }

    private async Task<(DicomSeries Series, string Path)> WriteAsync()
    {
        var series = await SeriesAsync();
        var rois = new[]
        {
            new RtRoi("liver", new CodedConcept("10200004", "SCT", "Liver"), (221, 130, 101), [Square(series, 10, 40), Square(series, 10, 10), Square(series, 11, 40)])
            {
                InterpretedType = "ORGAN",
            },
            new RtRoi("lesion", new CodedConcept("108369006", "SCT", "Neoplasm"), (255, 255, 0), []),
        };
        var path = Path.Combine(_dir, "rtss.dcm");
        var result = RtStructureSetWriter.Write(path, series, rois, Options);
        Assert.Equal(3, result.Contours);
        return (series, path);
    }

    [SkippableFact]
    public async Task Our_reader_gets_back_every_ROI_contour_and_reference()
    {
        var (series, path) = await WriteAsync();

        var rtss = RtStructureSetReader.Read(path);

        Assert.Equal(series.FrameOfReferenceUid, rtss.FrameOfReferenceUid);
        Assert.Equal([series.SeriesInstanceUid], rtss.ReferencedSeriesUids);
        Assert.Equal(series.Slices.Select(s => s.SopInstanceUid), rtss.ReferencedImageUids);
        Assert.Equal(["liver", "lesion"], rtss.Rois.Select(r => r.Name));
        Assert.Equal([221, 130, 101], rtss.Rois[0].Color);
        Assert.Equal("10200004", rtss.Rois[0].Type!.CodeValue);
        Assert.Empty(rtss.Rois[1].Contours);
        var contour = rtss.Rois[0].Contours[0];
        Assert.Equal("CLOSED_PLANAR", contour.GeometricType);
        Assert.Equal(series.Slices[10].SopInstanceUid, contour.ReferencedSopInstanceUid);
        Assert.Equal(Square(series, 10, 40).Points, contour.Points, (a, b) => Math.Abs(a - b) <= 5e-4);
    }

    [SkippableFact]
    public async Task Dciodvfy_finds_no_error_and_pydicom_reads_the_structure_set()
    {
        var (series, path) = await WriteAsync();

        var errors = ExternalTool.Run("dciodvfy", [path]).Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.Empty(errors);
        var text = ExternalTool.RunPython("""
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            s = d.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0].RTReferencedSeriesSequence[0]
            c = d.ROIContourSequence[0].ContourSequence[0]
            print(d.Modality, d.SeriesNumber, d.StudyInstanceUID == sys.argv[2], len(s.ContourImageSequence),
                  c.NumberOfContourPoints, len(c.ContourData), d.RTROIObservationsSequence[0].RTROIInterpretedType)
            """, path, series.StudyInstanceUid);
        Assert.Equal($"RTSTRUCT 310 True {series.Slices.Count} 4 12 ORGAN", text.Trim());
    }

    [SkippableFact]
    public async Task A_contour_off_the_series_is_refused()
    {
        var series = await SeriesAsync();
        var roi = new RtRoi("liver", new CodedConcept("10200004", "SCT", "Liver"), (1, 2, 3), [new RtContour(series.Slices.Count, [0, 0, 0, 1, 0, 0, 1, 1, 0])]);
        Assert.Throws<ArgumentException>(() => RtStructureSetWriter.Build(series, [roi], Options));
    }
}
