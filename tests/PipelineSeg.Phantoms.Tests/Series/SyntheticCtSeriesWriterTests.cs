using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Phantoms.Tests.Series;

public sealed class SyntheticCtSeriesWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("synthetic-series");

    // An oblique plane (rotated 30° about z, then tilted about the new x axis) with anisotropic spacing.
    private static readonly VolumeGeometry Oblique = new(
        new Vec3(10, -20, 30),
        new Vec3(0.5, 0.7, 2.5),
        Matrix3.FromColumns(
            new Vec3(Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6), 0),
            new Vec3(-Math.Sin(Math.PI / 6) * 0.8, Math.Cos(Math.PI / 6) * 0.8, 0.6),
            new Vec3(Math.Sin(Math.PI / 6) * 0.6, -Math.Cos(Math.PI / 6) * 0.6, 0.8)));

    private static SyntheticSeriesOptions Options(string name, int columns = 6, int rows = 4, int slices = 5) => new()
    {
        Size = new VolumeSize(columns, rows, slices),
        Geometry = Oblique,
        Identity = SyntheticSeriesIdentity.Named(name),
    };

    private static PixelPattern Ramp(int columns) => new(columns, (x, y, z) => (short)(x + (10 * y) + (100 * z) - 1000));

    [SkippableFact]
    public async Task The_series_read_back_has_the_size_geometry_identity_and_HU_that_were_asked_for()
    {
        var options = Options("writer/geometry");
        var paths = SyntheticCtSeriesWriter.Write(options, Ramp(6), _dir);

        Assert.Equal(["CT0001.dcm", "CT0002.dcm", "CT0003.dcm", "CT0004.dcm", "CT0005.dcm"], paths.Select(Path.GetFileName));
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(_dir)).Volumes);
        Assert.Empty(series.Warnings);
        Assert.Equal((6, 4, 5), (series.Columns, series.Rows, series.Slices.Count));
        Assert.Equal(options.Identity.SeriesInstanceUid, series.SeriesInstanceUid);
        Assert.Equal(options.Identity.StudyInstanceUid, series.StudyInstanceUid);
        Assert.Equal(options.Identity.FrameOfReferenceUid, series.FrameOfReferenceUid);
        Assert.Equal(Enumerable.Range(0, 5).Select(options.Identity.SopInstanceUid), series.Slices.Select(s => s.SopInstanceUid));
        Assert.Equal(SopClasses.CtImageStorage, series.SopClassUid);
        var g = series.Geometry!;
        Assert.True(Close(g.Origin, Oblique.Origin) && Close(g.Spacing, Oblique.Spacing), g.ToString());
        Assert.True(Close(g.RowDirection, Oblique.Direction.Column(0)) && Close(g.ColumnDirection, Oblique.Direction.Column(1))
            && Close(g.SliceDirection, Oblique.Direction.Column(2)), g.ToString());

        var hu = DicomPixelLoader.LoadVolume(series);
        for (var i = 0; i < hu.Length; i++)
        {
            var (x, y, z) = (i % 6, i / 6 % 4, i / 24);
            Assert.Equal(x + (10 * y) + (100 * z) - 1000, hu[i]);
        }
    }

    [SkippableFact]
    public async Task Values_outside_the_12_bit_range_are_clamped_to_it()
    {
        var options = Options("writer/clamp", columns: 2, rows: 1, slices: 1);
        SyntheticCtSeriesWriter.Write(options, new PixelPattern(2, (x, _, _) => x == 0 ? (short)-3000 : (short)5000), _dir);

        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(_dir)).Volumes);
        Assert.Equal([-1024f, 3071f], DicomPixelLoader.LoadVolume(series));
    }

    [SkippableFact]
    public async Task Slice_positions_can_be_given_one_by_one()
    {
        double[] z = [0, 2, 4, 5.2];
        var options = Options("writer/positions", slices: z.Length) with
        {
            Geometry = VolumeGeometry.WithSpacing(0.5, 0.5, 2),
            SlicePosition = k => new Vec3(1, 2, z[k]),
        };
        SyntheticCtSeriesWriter.Write(options, Ramp(6), _dir);

        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(_dir)).Series);
        Assert.Equal(z.Select(v => new DicomVector3(1, 2, v)), series.Slices.Select(s => s.Position!.Value));
    }

    [SkippableFact]
    public void The_same_name_gives_the_same_bytes_however_many_slices_are_written_at_once()
    {
        var first = SyntheticCtSeriesWriter.Write(Options("writer/repeat"), Ramp(6), Path.Combine(_dir, "a"));
        var second = SyntheticCtSeriesWriter.Write(Options("writer/repeat") with { MaxDegreeOfParallelism = 4 }, Ramp(6), Path.Combine(_dir, "b"));
        var other = SyntheticCtSeriesWriter.Write(Options("writer/other"), Ramp(6), Path.Combine(_dir, "c"));

        Assert.All(first.Zip(second), p => Assert.Equal(File.ReadAllBytes(p.First), File.ReadAllBytes(p.Second)));
        Assert.NotEqual(File.ReadAllBytes(first[0]), File.ReadAllBytes(other[0]));
    }

    [SkippableFact]
    public void Pixels_that_do_not_fit_the_options_fail_with_the_source_error_not_an_AggregateException()
    {
        var volume = new Volume<short>(new VolumeSize(3, 3, 5), VolumeGeometry.Default);

        var e = Assert.Throws<ArgumentException>(() => SyntheticCtSeriesWriter.Write(Options("writer/mismatch") with { MaxDegreeOfParallelism = 2 },
            new VolumeSlices(volume), _dir));
        Assert.Contains("3×3×5", e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(0, 4, 5, 1.0, "CT")]
    [InlineData(6, 4, 0, 1.0, "CT")]
    [InlineData(6, 4, 5, 0.0, "CT")]
    [InlineData(6, 4, 5, 1.0, "a/b")]
    public void Options_that_cannot_give_a_series_are_rejected_before_anything_is_written(int columns, int rows, int slices, double spacing, string prefix)
    {
        var options = Options("writer/invalid", columns, rows, slices) with
        {
            Geometry = VolumeGeometry.WithSpacing(spacing, 1, 1),
            FileNamePrefix = prefix,
        };
        var target = Path.Combine(_dir, "never");

        Assert.ThrowsAny<ArgumentException>(() => SyntheticCtSeriesWriter.Write(options, Ramp(Math.Max(columns, 1)), target));
        Assert.False(Directory.Exists(target));
    }

    [SkippableFact]
    public void Writing_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticCtSeriesWriter.Write(Options("writer/cancel"), Ramp(6), _dir, cancelled.Token));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static bool Close(DicomVector3 a, Vec3 b) => Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y) + Math.Abs(a.Z - b.Z) < 1e-4;
}
