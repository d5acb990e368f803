namespace PipelineSeg.Imaging.Tests.Geometry;

public sealed class VolumeGeometryTests
{
    private static readonly VolumeGeometry Oblique = new(
        new Vec3(10, -20, 30),
        new Vec3(0.5, 0.7, 3),
        Matrix3.FromColumns(new Vec3(0.6, 0.8, 0), new Vec3(-0.8, 0.6, 0), new Vec3(0, 0, 1)));

    [SkippableFact]
    public void Index_to_world_and_back_is_identity()
    {
        var p = Oblique.IndexToWorld(3, 4, 5);
        var back = Oblique.WorldToIndex(p);
        Assert.Equal(3, back.X, 1e-9);
        Assert.Equal(4, back.Y, 1e-9);
        Assert.Equal(5, back.Z, 1e-9);
    }

    [SkippableFact]
    public void Index_to_world_follows_direction_columns_times_spacing()
    {
        var p = Oblique.IndexToWorld(1, 0, 0);
        Assert.Equal(10 + (0.5 * 0.6), p.X, 1e-12);
        Assert.Equal(-20 + (0.5 * 0.8), p.Y, 1e-12);
        var q = Oblique.IndexToWorld(0, 0, 2);
        Assert.Equal(36, q.Z, 1e-12);
    }

    [SkippableFact]
    public void Ras_affine_flips_x_and_y_rows()
    {
        var lps = Oblique.ToLpsAffine();
        var ras = Oblique.ToRasAffine();
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(-lps[c], ras[c]);
            Assert.Equal(-lps[4 + c], ras[4 + c]);
            Assert.Equal(lps[8 + c], ras[8 + c]);
        }
        Assert.True(VolumeGeometry.FromRasAffine(ras).IsCloseTo(Oblique, 1e-12, 1e-12));
    }

    [SkippableFact]
    public void Volume_indexing_is_x_fastest()
    {
        var v = new Volume<int>(4, 3, 2);
        v[1, 2, 1] = 42;
        Assert.Equal(42, v.Span[(1 * 12) + (2 * 4) + 1]);
        Assert.Equal(42, v.Row(1, 2)[1]);
        Assert.Equal(42, v.Slice(1)[9]);
    }
}
