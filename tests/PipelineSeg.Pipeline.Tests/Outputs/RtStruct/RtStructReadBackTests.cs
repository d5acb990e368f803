using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.RtStruct;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;

namespace PipelineSeg.Pipeline.Tests.Outputs.RtStruct;

/// <summary>The read-back check rasterises the written RTSTRUCT and fails with the figures when it is not the mask meant.</summary>
public sealed class RtStructReadBackTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("rtstruct-readback");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(Dicom.DicomSeries Series, Volume<byte> Labels)> LabelsAsync()
    {
        var series = await RtStructPeer.SeriesAsync(TestPaths.Repo("samples", "dicom", "phantom-0002", "ct"));
        var labels = new Volume<byte>(series.Columns, series.Rows, series.Slices.Count, DicomVolumeAdapter.ToVolumeGeometry(series.Geometry!));
        for (var z = 3; z < 9; z++)
        {
            for (var y = 40; y < 90; y++)
            {
                for (var x = 30; x < 70 + z; x++)
                {
                    labels[x, y, z] = (byte)(x > 60 && y > 70 ? 2 : 1);
                }
            }
        }
        return (series, labels);
    }

    [SkippableFact]
    public async Task A_written_structure_set_reads_back_exactly_as_its_label_map()
    {
        var (series, labels) = await LabelsAsync();
        using var model = new ThresholdModel();
        var path = Path.Combine(_dir, "rtstruct.dcm");

        var result = RtStructOutput.Write(path, series, labels, model.Manifest, RtStructPeer.Options);

        Assert.Equal(12, result.Contours); // one outline per slice and ROI
        var masks = DicomVolumeAdapter.ClassMasks(labels, model.Manifest.Output.Classes);
        RtStructReadBack.Verify(path, series, [.. masks.Select(m => (m.Class.Label, m.Mask))]);
    }

    [SkippableFact]
    public async Task A_flipped_structure_set_fails_the_check_with_both_figures()
    {
        var (series, labels) = await LabelsAsync();
        using var model = new ThresholdModel();
        var path = Path.Combine(_dir, "rtstruct.dcm");
        RtStructOutput.Write(path, series, labels, model.Manifest, RtStructPeer.Options);
        // What was meant is the mirror image of what was written: a left-right flip must not pass.
        var masks = DicomVolumeAdapter.ClassMasks(labels, model.Manifest.Output.Classes);
        var flipped = masks.Select(m => (m.Class.Label, Flip(m.Mask))).ToList();

        var e = Assert.Throws<SegmentationReadBackException>(() => RtStructReadBack.Verify(path, series, flipped));

        Assert.Equal("liver", e.SegmentLabel);
        Assert.Equal(e.Expected.Count, e.Found.Count);
        Assert.NotEqual(e.Expected.X, e.Found.X, 3);
        Assert.Contains("centroid", e.Message, StringComparison.Ordinal);
    }

    private static Volume<byte> Flip(Volume<byte> mask)
    {
        var flipped = mask.CreateLike<byte>();
        for (var z = 0; z < mask.Depth; z++)
        {
            for (var y = 0; y < mask.Height; y++)
            {
                for (var x = 0; x < mask.Width; x++)
                {
                    flipped[mask.Width - 1 - x, y, z] = mask[x, y, z];
                }
            }
        }
        return flipped;
    }
}
