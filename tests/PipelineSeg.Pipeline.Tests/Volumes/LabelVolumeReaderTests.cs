using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Volumes;

public sealed class LabelVolumeReaderTests
{
    [SkippableFact]
    public async Task Seg_placed_on_its_source_ct_grid_keeps_every_voxel_and_the_segment_name()
    {
        var ctFolder = Path.Combine(TestPaths.DicomSamples, "ct-series", "dcmqi-ct-3slice");
        var scan = await DicomSeriesScanner.ScanAsync(ctFolder);
        var ct = await DicomVolumeLoader.LoadImageAsync(scan.Volumes.Single());
        var grid = ct.CreateLike<byte>();
        var seg = Path.Combine(TestPaths.DicomSamples, "seg", "dcmqi", "liver.dcm");

        var onCt = await LabelVolumeReader.ReadAsync(seg, grid);
        var own = await LabelVolumeReader.ReadAsync(seg);

        Assert.Equal("dicom-seg", onCt.Kind);
        Assert.Equal(ct.Size, onCt.Labels.Size);
        Assert.True(onCt.Labels.Geometry.IsCloseTo(ct.Geometry));
        static long Count(PipelineSeg.Imaging.Volume<byte> v) => v.Array.LongCount(b => b != 0);
        Assert.True(Count(onCt.Labels) > 0);
        Assert.Equal(Count(own.Labels), Count(onCt.Labels));
        Assert.True(onCt.SegmentNames.ContainsKey(1));
    }

    [SkippableFact]
    public async Task Ct_series_loads_with_geometry_from_the_dicom_core()
    {
        var folder = Path.Combine(TestPaths.DicomSamples, "mr-series", "dcmqi-QIN-PROSTATE-ADC");
        var series = (await DicomSeriesScanner.ScanAsync(folder)).Volumes.Single();
        var volume = await DicomVolumeLoader.LoadImageAsync(series);
        Assert.Equal(series.Columns, volume.Width);
        Assert.Equal(series.Slices.Count, volume.Depth);
        var p = volume.Geometry.IndexToWorld(3, 7, 5);
        var q = series.Geometry!.VoxelToPatient(3, 7, 5);
        Assert.Equal(q.X, p.X, 1e-9);
        Assert.Equal(q.Y, p.Y, 1e-9);
        Assert.Equal(q.Z, p.Z, 1e-9);
    }

    [SkippableFact]
    public async Task Folder_with_several_series_is_rejected_with_the_reason()
    {
        var ctSeries = Path.Combine(TestPaths.DicomSamples, "ct-series");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => LabelVolumeReader.ReadAsync(ctSeries));
        Assert.Contains("expected exactly one label source", e.Message, StringComparison.Ordinal);
    }
}
