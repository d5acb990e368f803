using PipelineSeg.Imaging.Resampling;

namespace PipelineSeg.Imaging.Tests.Resampling;

public sealed class PlaneMapTests
{
    public static TheoryData<int, int, int, int, double, double> Grids => new()
    {
        { 512, 512, 128, 128, 0.0, 0.0 },   // the pipeline's shrink to the model size, edges aligned
        { 128, 128, 512, 512, 0.0, 0.0 },   // and back
        { 37, 23, 50, 11, 0.3, -1.7 },      // odd sizes, shifted target: parts fall outside
        { 16, 16, 16, 16, 0.0, 0.0 },       // identity
    };

    [SkippableTheory]
    [MemberData(nameof(Grids))]
    public void Gives_the_same_floats_as_the_resampler(int sw, int sh, int tw, int th, double dx, double dy)
    {
        var random = new Random(sw + th);
        var sourceGeometry = new VolumeGeometry(new Vec3(-120.5, 33.25, 17), new Vec3(0.7, 0.9, 2.5), Matrix3.Identity);
        var source = new Volume<float>(new VolumeSize(sw, sh, 1), sourceGeometry);
        for (var i = 0; i < source.Length; i++)
        {
            source.Array[i] = (float)(random.NextDouble() * 2000) - 1000;
        }
        var targetSpacing = new Vec3(0.7 * sw / tw, 0.9 * sh / th, 2.5);
        var targetGeometry = new VolumeGeometry(sourceGeometry.Origin + new Vec3(dx + ((targetSpacing.X - 0.7) / 2), dy + ((targetSpacing.Y - 0.9) / 2), 0), targetSpacing, Matrix3.Identity);
        var expected = Resampler.Resample(source, new VolumeSize(tw, th, 1), targetGeometry, Interpolation.Linear, -1024f);

        var map = PlaneMap.TryCreate(sw, sh, sourceGeometry, tw, th, targetGeometry);
        Assert.NotNull(map);
        var actual = new float[tw * th];
        map.Apply(source.Array, actual, -1024f);
        Assert.Equal(expected.Array, actual); // bit for bit
        for (var y = 0; y < th; y++)
        {
            for (var x = 0; x < tw; x++)
            {
                if (map.X.Inside[x] && map.Y.Inside[y])
                {
                    Assert.Equal(expected.Array[(y * tw) + x], map.Sample(source.Array, x, y));
                }
            }
        }
    }

    [SkippableFact]
    public void Oblique_or_off_plane_maps_are_refused_or_outside()
    {
        var geometry = VolumeGeometry.WithSpacing(1, 1, 1);
        var c = Math.Cos(0.3);
        var s = Math.Sin(0.3);
        var rotated = new VolumeGeometry(Vec3.Zero, new Vec3(1, 1, 1), Matrix3.FromColumns(new Vec3(c, s, 0), new Vec3(-s, c, 0), new Vec3(0, 0, 1)));
        Assert.Null(PlaneMap.TryCreate(8, 8, geometry, 8, 8, rotated));
        var elsewhere = geometry with { Origin = new Vec3(0, 0, 3) };
        var map = PlaneMap.TryCreate(8, 8, geometry, 8, 8, elsewhere);
        Assert.NotNull(map);
        Assert.False(map.InsideSlice);
        var target = new float[64];
        map.Apply(new float[64], target, 5f);
        Assert.All(target, v => Assert.Equal(5f, v));
    }
}
