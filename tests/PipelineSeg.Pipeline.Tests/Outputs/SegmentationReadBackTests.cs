using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Outputs;

/// <summary>The read-back check on a real CT stack whose slice positions do not lie on one regular grid.</summary>
public sealed class SegmentationReadBackTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("readback");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<DicomSeries> UnevenSeriesAsync()
    {
        var scan = await DicomSeriesScanner.ScanAsync(Path.Combine(TestPaths.DicomSamples, "ct-series", "pydicom-77654033-CT2"));
        return scan.Volumes.Where(s => s.Slices.All(x => x.Position is not null)).OrderByDescending(s => s.Slices.Count).First();
    }

    private static Volume<byte> Mask(DicomSeries series, int seed)
    {
        var geometry = series.Geometry!;
        var mask = new Volume<byte>(DicomVolumeAdapter.SizeOf(geometry), DicomVolumeAdapter.ToVolumeGeometry(geometry));
        var rnd = new Random(seed);
        foreach (ref var v in mask.Span)
        {
            v = (byte)(rnd.Next(5) == 0 ? 1 : 0);
        }
        return mask;
    }

    [SkippableFact]
    public async Task A_correct_SEG_of_an_uneven_stack_passes_and_a_frame_moved_to_another_slice_fails()
    {
        var series = await UnevenSeriesAsync();
        var mask = Mask(series, 1);
        var plane = series.Rows * series.Columns;
        var path = Path.Combine(_dir, "seg.dcm");
        var liver = new SegmentDefinition("Liver", CodedConcept.AnatomicalStructure, new("10200004", "SCT", "Liver"));
        var options = new SegmentationWriterOptions { Algorithm = new SegmentationAlgorithm("x", "1") };

        SegmentationWriter.Write(path, series, [liver], [mask.Array], options);
        SegmentationReadBack.Verify(path, series, [("Liver", mask)]);

        // The first slice's voxels written on the last slice (a misplacement that keeps the count).
        var moved = mask.Array.ToArray();
        var last = (series.Slices.Count - 1) * plane;
        mask.Array.AsSpan(0, plane).CopyTo(moved.AsSpan(last, plane));
        mask.Array.AsSpan(last, plane).CopyTo(moved.AsSpan(0, plane));
        SegmentationWriter.Write(path, series, [liver], [moved], options);
        var e = Assert.Throws<SegmentationReadBackException>(() => SegmentationReadBack.Verify(path, series, [("Liver", mask)]));
        Assert.Equal(e.Expected.Count, e.Found.Count);
        Assert.NotEqual(e.Expected.Z, e.Found.Z);
    }
}
