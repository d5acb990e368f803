using System.Globalization;
using System.IO.Compression;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Pipeline.Volumes;
using Xunit.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Outputs.RtStruct;

/// <summary>
/// Our RTSTRUCT as the real peers read it: dciodvfy finds no error, pydicom sees every ROI, code, colour and referenced
/// image, and plastimatch's rasterisation reaches Dice ≥ 0.97 per ROI against the label map it was traced from — on the
/// bundled samples (their ground-truth SEGs as label maps), on a slice with holes and islands, and on the 3D-IRCADb liver.
/// </summary>
public sealed class RtStructPeerTests(ITestOutputHelper output) : IDisposable
{
    private const double MinimumDice = 0.97;
    private readonly string _dir = TestPaths.NewTempDirectory("rtstruct-peer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData("phantom-0001")]
    [InlineData("phantom-0002")]
    [InlineData("phantom-0003")]
    public async Task Bundled_sample_ground_truth_as_RTSTRUCT_is_valid_and_plastimatch_rasterises_it_back(string sample)
    {
        var folder = TestPaths.Repo("samples", "dicom", sample);
        var series = await RtStructPeer.SeriesAsync(Path.Combine(folder, "ct"));
        var truth = SegmentationReader.Read(Path.Combine(folder, "ground-truth", "labels.seg.dcm"));
        var masks = DicomVolumeAdapter.SegmentMasks(truth, series.Geometry!, series.Slices);
        var liver = masks[truth.Segments.Single(s => s.Label == "liver").Number];
        var lesion = masks[truth.Segments.Single(s => s.Label == "lesion").Number];
        var labels = liver.CreateLike<byte>();
        for (var i = 0; i < labels.Length; i++)
        {
            labels.Span[i] = lesion.Span[i] != 0 ? (byte)2 : liver.Span[i] != 0 ? (byte)1 : (byte)0;
        }
        using var model = new ThresholdModel();

        var verdict = await RtStructPeer.JudgeAsync(series, Path.Combine(folder, "ct"), labels, model.Manifest, _dir, "liver=1,2", "lesion=2");

        Assert.Empty(verdict.DciodvfyErrors);
        Assert.Equal("RTSTRUCT", verdict.Pydicom.GetProperty("modality").GetString());
        Assert.Equal(["liver", "lesion"], verdict.Pydicom.GetProperty("rois").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["10200004", "108369006"], verdict.Pydicom.GetProperty("codes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(series.Slices.Count, verdict.Pydicom.GetProperty("referencedImages").GetInt32());
        Assert.Equal(series.FrameOfReferenceUid, verdict.Pydicom.GetProperty("frameOfReference").GetString());
        Assert.True(verdict.Rois.GetProperty("liver").GetProperty("ours").GetInt64() > 0);
        AssertDice(verdict, sample, "liver", "lesion"); // phantom-0002 has no lesion: both sides empty, Dice 1
    }

    [SkippableFact]
    public async Task Holes_and_islands_in_holes_survive_plastimatch_as_even_odd_contours()
    {
        var folder = TestPaths.Repo("samples", "dicom", "phantom-0001", "ct");
        var series = await RtStructPeer.SeriesAsync(folder);
        var labels = new Volume<byte>(series.Columns, series.Rows, series.Slices.Count, DicomVolumeAdapter.ToVolumeGeometry(series.Geometry!));
        for (var z = 5; z < 12; z++)
        {
            for (var y = 0; y < series.Rows; y++)
            {
                for (var x = 0; x < series.Columns; x++)
                {
                    var r = Math.Max(Math.Abs(x - 128), Math.Abs(y - 120));
                    // Ring (liver) with a hole, an island (liver) in the hole, a lesion inside the island; and a diagonal pair.
                    labels[x, y, z] = r <= 4 ? (byte)2 : r <= 12 ? (byte)1 : r <= 30 ? (byte)0 : r <= 50 ? (byte)1 : (byte)0;
                }
            }
            labels[200, 200, z] = 1;
            labels[201, 201, z] = 1;
        }
        using var model = new ThresholdModel();

        var verdict = await RtStructPeer.JudgeAsync(series, folder, labels, model.Manifest, _dir, "liver=1,2", "lesion=2");

        Assert.Empty(verdict.DciodvfyErrors);
        AssertDice(verdict, "rings", "liver", "lesion");
        Assert.Equal(1.0, verdict.Rois.GetProperty("liver").GetProperty("dice").GetDouble());
    }

    [SkippableFact]
    public async Task The_3D_IRCADb_liver_mask_as_RTSTRUCT_reaches_the_Dice_bar_in_plastimatch()
    {
        var root = Path.Combine(TestPaths.Datasets, "3dircadb1_liver_ct", "3Dircadb1.1");
        ZipFile.ExtractToDirectory(Path.Combine(root, "PATIENT_DICOM.zip"), _dir);
        using (var archive = ZipFile.OpenRead(Path.Combine(root, "MASKS_DICOM.zip")))
        {
            foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("MASKS_DICOM/liver/", StringComparison.Ordinal) && e.Name.Length > 0))
            {
                Directory.CreateDirectory(Path.Combine(_dir, "liver"));
                entry.ExtractToFile(Path.Combine(_dir, "liver", entry.Name));
            }
        }
        var ct = Path.Combine(_dir, "PATIENT_DICOM");
        var series = await RtStructPeer.SeriesAsync(ct);
        var labels = await DicomVolumeLoader.LoadMaskAsync(await RtStructPeer.SeriesAsync(Path.Combine(_dir, "liver")));
        using var model = new ThresholdModel();

        var verdict = await RtStructPeer.JudgeAsync(series, ct, labels, model.Manifest, _dir, "liver=1");

        Assert.Empty(verdict.DciodvfyErrors);
        Assert.Equal(series.Slices.Count, verdict.Pydicom.GetProperty("referencedImages").GetInt32());
        Assert.True(verdict.Rois.GetProperty("liver").GetProperty("ours").GetInt64() > 2_000_000);
        AssertDice(verdict, "3D-IRCADb 1.1", "liver");
    }

    private void AssertDice(RtStructPeer.Verdict verdict, string what, params string[] rois)
    {
        foreach (var roi in rois)
        {
            var figures = verdict.Rois.GetProperty(roi);
            var dice = figures.GetProperty("dice").GetDouble();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what} {roi}: plastimatch Dice {dice:F4} ({figures.GetProperty("plastimatch").GetInt64()} voxels vs ours {figures.GetProperty("ours").GetInt64()})"));
            Assert.True(dice >= MinimumDice, $"{what} {roi}: plastimatch Dice {dice:F4} < {MinimumDice}");
        }
    }
}
