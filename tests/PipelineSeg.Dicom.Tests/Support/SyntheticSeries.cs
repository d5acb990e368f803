using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Dicom.Tests.Support;

/// <summary>
/// Small synthetic CT series for assembly edge cases, written by the phantom project's series writer: one study per
/// folder, one series per prefix unless <c>seriesUid</c> joins another.
/// </summary>
internal static class SyntheticSeries
{
    public static string SeriesUid(string dir, string prefix) => Identity(dir, prefix).SeriesInstanceUid;

    public static void Write(string dir, string prefix, int slices, int rows, int columns, int acquisition,
        string? seriesUid = null, bool samePosition = false, Func<int, (double X, double Y, double Z)>? position = null, double[]? orientation = null)
    {
        var identity = Identity(dir, prefix);
        double[] o = orientation ?? [1, 0, 0, 0, 1, 0];
        var row = new Vec3(o[0], o[1], o[2]);
        var column = new Vec3(o[3], o[4], o[5]);
        var options = new SyntheticSeriesOptions
        {
            Size = new VolumeSize(columns, rows, slices),
            Geometry = new VolumeGeometry(Vec3.Zero, new Vec3(0.5, 0.5, 2), Matrix3.FromColumns(row, column, Vec3.Cross(row, column))),
            SlicePosition = z => position?.Invoke(z) is { } p ? new Vec3(p.X, p.Y, p.Z) : new Vec3(0, 0, samePosition ? 0 : z * 2.0),
            Identity = seriesUid is null ? identity : identity with { SeriesInstanceUid = seriesUid },
            AcquisitionNumber = acquisition,
            FileNamePrefix = prefix,
        };
        var pixels = new PixelPattern(columns, (x, y, z) => (short)(((x + (y * columns) + (z * 100) + (acquisition * 1000)) % 4000) - 1024));
        SyntheticCtSeriesWriter.Write(options, pixels, dir);
    }

    private static SyntheticSeriesIdentity Identity(string dir, string prefix)
    {
        var study = SyntheticSeriesIdentity.Named(dir);
        return SyntheticSeriesIdentity.Named($"{dir}/{prefix}") with
        {
            StudyInstanceUid = study.StudyInstanceUid,
            FrameOfReferenceUid = study.FrameOfReferenceUid,
        };
    }
}
