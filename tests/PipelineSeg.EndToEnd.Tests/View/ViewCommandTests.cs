using System.Globalization;
using System.Text.RegularExpressions;
using PipelineSeg.Dicom;
using PipelineSeg.EndToEnd.Tests.Cli;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Reporting.Overlays;
using SkiaSharp;

namespace PipelineSeg.EndToEnd.Tests.View;

/// <summary><c>pipelineseg view</c> on the bundled phantom sample, through the real CLI process.</summary>
public sealed partial class ViewCommandTests : IDisposable
{
    private static readonly string Sample = TestPaths.Repo("samples", "dicom", "phantom-0001");
    private static readonly string Ct = Path.Combine(Sample, "ct");
    private static readonly string Seg = Path.Combine(Sample, "ground-truth", "labels.seg.dcm");
    private readonly string _dir = TestPaths.NewTempDirectory("e2e-view");

    public void Dispose() => Directory.Delete(_dir, true);

    [SkippableFact]
    public async Task Key_slice_overlay_draws_each_segment_contour_on_its_label_boundary()
    {
        var png = Path.Combine(_dir, "key.png");
        var r = PipelineSegCli.Run("view", "--series", Ct, "--seg", Seg, "--key", "--png", png);
        Assert.True(r.ExitCode == 0, r.Combined);
        var z = int.Parse(SliceNumber().Match(r.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);

        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(Ct)).Volumes);
        var grid = (await DicomVolumeLoader.LoadImageAsync(series)).CreateLike<byte>();
        var labels = (await LabelVolumeReader.ReadAsync(Seg, grid)).Labels;
        Assert.Equal(KeySlices.Select(labels, SlicePlane.Axial, 1)[0], z);
        var slice = labels.Slice(z).ToArray();
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        // no manifest colours in a SEG read back: segments 1 and 2 take the palette's first colours, as our SEGs would
        var colours = new[] { ((byte)1, new SKColor(230, 25, 75)), ((byte)2, new SKColor(60, 180, 75)) };
        var (x0, y0, x1, y1) = BoundingBox(slice, 256, 256);
        var contour = 0;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                foreach (var (label, colour) in colours)
                {
                    if (bitmap.GetPixel(x, y) == colour)
                    {
                        Assert.True(LabelBoundary.IsBoundary(slice, 256, 256, x, y, label), $"({x},{y}) has segment {label}'s colour off its boundary");
                        contour++;
                    }
                }
            }
        }
        Assert.True(contour > 50, $"{contour} contour pixels");
    }

    [SkippableFact]
    public void Coronal_reformat_has_square_millimetre_pixels()
    {
        var png = Path.Combine(_dir, "coronal.png");
        var r = PipelineSegCli.Run("view", "--series", Ct, "--gt", Seg, "--slice", "128", "--plane", "coronal", "--png", png);
        Assert.True(r.ExitCode == 0, r.Combined);
        using var bitmap = SKBitmap.Decode(png);
        // 256 columns of 1.3377 mm across; 24 slices of 3.5 mm = 84 mm down = 62.8 → 63 pixels of 1.3377 mm
        Assert.Equal((256, 63), (bitmap.Width, bitmap.Height));
    }

    [SkippableFact]
    public void Errors_name_the_file_and_the_cause()
    {
        var png = Path.Combine(_dir, "x.png");
        var missing = PipelineSegCli.Run("view", "--series", "/nonexistent/ct", "--slice", "1", "--png", png);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--series '/nonexistent/ct' does not exist", missing.StandardError, StringComparison.Ordinal);

        var both = PipelineSegCli.Run("view", "--series", Ct, "--slice", "1", "--key", "--png", png);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of --slice N and --key", both.StandardError, StringComparison.Ordinal);

        var outside = PipelineSegCli.Run("view", "--series", Ct, "--slice", "24", "--png", png);
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("--slice 24 is outside 0..23", outside.StandardError, StringComparison.Ordinal);

        var several = PipelineSegCli.Run("view", "--series", TestPaths.Repo("samples", "dicom"), "--slice", "1", "--png", png);
        Assert.Equal(1, several.ExitCode);
        Assert.Contains("holds 3 image series", several.StandardError, StringComparison.Ordinal);

        var notLabels = Path.Combine(_dir, "labels.nii.gz");
        File.WriteAllText(notLabels, "not a NIfTI file");
        var bad = PipelineSegCli.Run("view", "--series", Ct, "--seg", notLabels, "--slice", "1", "--png", png);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains(notLabels + ":", bad.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(png));
    }

    private static (int X0, int Y0, int X1, int Y1) BoundingBox(byte[] slice, int width, int height)
    {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (slice[(y * width) + x] != 0)
                {
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                }
            }
        }
        Assert.True(x1 >= 0, "the key slice has no labels");
        return (x0, y0, x1, y1);
    }

    [GeneratedRegex(@"axial slice (\d+)")]
    private static partial Regex SliceNumber();
}
