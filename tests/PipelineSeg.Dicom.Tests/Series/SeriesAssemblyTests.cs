using PipelineSeg.Dicom.Tests.Support;

namespace PipelineSeg.Dicom.Tests.Series;

public sealed class SeriesAssemblyTests : IDisposable
{
    // A fresh folder per test (xunit makes one instance per test) for the series a test writes.
    private readonly string _dir = TestPaths.NewTempDirectory("series-assembly");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData("pydicom-98892003-MR700-angio-projections", 7)]
    [InlineData("pydicom-98892003-MR2-localizer", 3)]
    public async Task Mixed_orientation_series_are_never_stacked(string folder, int images)
    {
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path("mr-series", folder));
        Assert.Empty(scan.Volumes);
        Assert.Equal(images, scan.Series.Count);
        Assert.All(scan.Series, s =>
        {
            Assert.Single(s.Slices);
            Assert.Contains(s.Problems, p => p.Contains("mixes orientations", StringComparison.Ordinal));
        });
    }

    [SkippableFact]
    public async Task Oblique_mr_is_sorted_along_the_normal_not_by_file_name()
    {
        var series = await Samples.SingleVolumeAsync("mr-series", "dcmqi-QIN-PROSTATE-ADC");
        Assert.Equal(20, series.Slices.Count);
        var normal = series.Geometry!.Normal;
        var d = series.Slices.Select(s => s.Position!.Value.Dot(normal)).ToList();
        Assert.True(d.Zip(d.Skip(1), (a, b) => b > a).All(x => x));
        Assert.Equal(3.0, series.Geometry.Spacing.Z, 2);
        Assert.Equal(series.Slices[0].Position, series.Geometry.Origin);
        Assert.Empty(series.Warnings);
        // Every slice lies where the geometry says it does.
        for (var k = 0; k < series.Slices.Count; k++)
        {
            Assert.True((series.Geometry.SlicePosition(k) - series.Slices[k].Position!.Value).Length < 0.01);
        }
    }

    [SkippableFact]
    public async Task Descending_positions_are_reordered_and_gaps_are_reported()
    {
        var ct5 = await Samples.SingleVolumeAsync("ct-series", "pydicom-98892001-CT5N");
        Assert.Equal(5, ct5.Slices.Count);
        Assert.True(ct5.Slices[0].Position!.Value.Z < ct5.Slices[4].Position!.Value.Z);
        Assert.Equal(2.5, ct5.Geometry!.Spacing.Z, 3);

        var ct2 = await Samples.SingleVolumeAsync("ct-series", "pydicom-77654033-CT2");
        Assert.Contains(ct2.Warnings, w => w.StartsWith("gap:", StringComparison.Ordinal));
        Assert.Equal(1.25, ct2.Geometry!.Spacing.Z, 2);
    }

    [SkippableFact]
    public async Task Enhanced_multiframe_frames_are_placed_by_position()
    {
        var scan = await DicomSeriesScanner.ScanAsync(Samples.Path("mr-series", "enhanced"));
        var bruker = scan.Volumes.Single(s => s.Rows == 128);
        Assert.Equal(4, bruker.Slices.Count);
        Assert.All(bruker.Slices, s => Assert.True(s.IsFrameOfMultiFrame));
        Assert.Equal(1.0, bruker.Geometry!.Spacing.Z, 3);
        var emri = scan.Series.Single(s => s.Rows == 64);
        Assert.Contains(emri.Warnings, w => w.Contains("Instance Number", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Duplicates_keep_the_main_acquisition()
    {
        SyntheticSeries.Write(_dir, "a", slices: 4, rows: 8, columns: 8, acquisition: 1);
        SyntheticSeries.Write(_dir, "b", slices: 1, rows: 8, columns: 8, acquisition: 2, seriesUid: SyntheticSeries.SeriesUid(_dir, "a"));
        var scan = await DicomSeriesScanner.ScanAsync(_dir);
        var series = Assert.Single(scan.Volumes);
        Assert.Equal(4, series.Slices.Count);
        Assert.Contains(series.Warnings, w => w.StartsWith("duplicate position", StringComparison.Ordinal));
        Assert.All(series.Slices, s => Assert.Equal(1, s.AcquisitionNumber));
    }

    [SkippableFact]
    public async Task Identical_positions_fall_back_to_instance_number()
    {
        SyntheticSeries.Write(_dir, "s", slices: 3, rows: 8, columns: 8, acquisition: 1, samePosition: true);
        var scan = await DicomSeriesScanner.ScanAsync(_dir);
        var series = Assert.Single(scan.Volumes);
        Assert.Equal([1, 2, 3], series.Slices.Select(s => s.InstanceNumber ?? 0));
        Assert.Contains(series.Warnings, w => w.Contains("Instance Number", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Scanner_reports_non_dicom_and_broken_files()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not dicom");
        File.Copy(Samples.Path("malformed", "pydicom", "rtplan_truncated.dcm"), Path.Combine(_dir, "broken.dcm"));
        var scan = await DicomSeriesScanner.ScanAsync(_dir);
        Assert.Empty(scan.Series);
        Assert.Equal(2, scan.Skipped.Count);
        Assert.Contains(scan.Skipped, s => !s.IsDicom && s.FilePath.EndsWith("notes.txt", StringComparison.Ordinal));
        Assert.Contains(scan.Skipped, s => s.IsDicom && s.Reason.Contains("(300A,00B0)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Gantry_tilt_gives_a_sheared_slice_direction_that_hits_every_slice()
    {
        // 10 degree tilt: each 2 mm step along z also moves 2*tan(10 deg) mm along y.
        var shift = 2 * Math.Tan(10 * Math.PI / 180);
        SyntheticSeries.Write(_dir, "t", slices: 5, rows: 8, columns: 8, acquisition: 1, position: z => (0, z * shift, z * 2.0));
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(_dir)).Volumes);
        Assert.Contains(series.Warnings, w => w.Contains("gantry tilt 10", StringComparison.Ordinal));
        for (var k = 0; k < 5; k++)
        {
            Assert.True((series.Geometry!.SlicePosition(k) - series.Slices[k].Position!.Value).Length < 1e-3);
        }
    }

    [SkippableFact]
    public async Task Non_uniform_spacing_is_reported()
    {
        double[] z = [0, 2, 4, 5.2, 7.2, 9.2];
        SyntheticSeries.Write(_dir, "n", slices: z.Length, rows: 8, columns: 8, acquisition: 1, position: i => (0, 0, z[i]));
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(_dir)).Volumes);
        Assert.Contains(series.Warnings, w => w.StartsWith("non-uniform slice spacing", StringComparison.Ordinal));
        Assert.Equal(2.0, series.Geometry!.Spacing.Z, 6);
    }

    [SkippableFact]
    public async Task A_localizer_inside_an_axial_series_is_split_off_and_rejected()
    {
        SyntheticSeries.Write(_dir, "ax", slices: 5, rows: 8, columns: 8, acquisition: 1);
        SyntheticSeries.Write(_dir, "loc", slices: 1, rows: 8, columns: 8, acquisition: 1, seriesUid: SyntheticSeries.SeriesUid(_dir, "ax"),
            orientation: [0, 1, 0, 0, 0, -1]);
        var scan = await DicomSeriesScanner.ScanAsync(_dir);
        Assert.Equal(2, scan.Series.Count);
        var axial = Assert.Single(scan.Volumes);
        Assert.Equal(5, axial.Slices.Count);
        Assert.Contains(axial.Warnings, w => w.Contains("split", StringComparison.Ordinal));
        var localizer = scan.Series.Single(s => !s.IsVolume);
        Assert.Single(localizer.Slices);
        Assert.NotEqual(axial.Key, localizer.Key);
    }

    [SkippableFact]
    public async Task ScanPath_reads_a_folder_a_single_file_or_names_a_missing_path()
    {
        SyntheticSeries.Write(_dir, "p", slices: 3, rows: 8, columns: 8, acquisition: 1);
        var folder = await DicomSeriesScanner.ScanPathAsync(_dir);
        Assert.Equal(3, Assert.Single(folder.Series).Slices.Count);
        var oneFile = Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var single = await DicomSeriesScanner.ScanPathAsync(oneFile);
        Assert.Single(Assert.Single(single.Series).Slices);
        var missing = Path.Combine(_dir, "no-such-input");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => DicomSeriesScanner.ScanPathAsync(missing));
        Assert.Contains("no-such-input", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Scan_and_load_honour_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ctSeries = Samples.Path("ct-series");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DicomSeriesScanner.ScanAsync(ctSeries, cancelled.Token));
        var series = await Samples.SingleVolumeAsync("ct-series", "pydicom-98892001-CT5N");
        Assert.ThrowsAny<OperationCanceledException>(() => DicomPixelLoader.LoadVolume(series, cancelled.Token));
    }
}
