using System.Globalization;
using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Bench.Dicom;

/// <summary>Writes (once) a synthetic 512×512 CT series of N slices with the phantom project's series writer, for the benchmark.</summary>
internal static class SyntheticCtSeries
{
    private const int Size = 512;

    public static string Ensure(int slices)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pipelineseg-bench-synthetic-ct-{slices.ToString(CultureInfo.InvariantCulture)}");
        if (Directory.Exists(dir) && Directory.GetFiles(dir).Length == slices)
        {
            return dir;
        }
        var options = new SyntheticSeriesOptions
        {
            Size = new VolumeSize(Size, Size, slices),
            Geometry = new VolumeGeometry(new Vec3(-250, -250, 0), new Vec3(0.9, 0.9, 0.7), Matrix3.Identity),
            Identity = SyntheticSeriesIdentity.Named($"bench/synthetic-ct/{slices.ToString(CultureInfo.InvariantCulture)}"),
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        SyntheticCtSeriesWriter.Write(options, new PixelPattern(Size, Disc), dir);
        return dir;
    }

    // A bright disc with a ramp inside (so every slice differs) on air-like background: realistic codec/loader work.
    private static short Disc(int x, int y, int z)
    {
        var inside = ((x - 256) * (x - 256)) + ((y - 256) * (y - 256)) < 200 * 200;
        return (short)((inside ? 1000 + ((x + y + z) % 200) : 24) - 1024);
    }
}
