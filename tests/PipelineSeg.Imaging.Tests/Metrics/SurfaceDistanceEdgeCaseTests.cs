using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Imaging.Tests.Metrics;

public sealed class SurfaceDistanceEdgeCaseTests
{
    [SkippableFact]
    public void One_side_empty_gives_null_not_a_crash()
    {
        var a = new Volume<byte>(5, 5, 5);
        var b = new Volume<byte>(5, 5, 5);
        b[2, 2, 2] = 1;
        var m = SurfaceDistance.Compute(a, b, 1);
        Assert.Null(m.Hausdorff);
        Assert.Null(m.Hausdorff95);
        Assert.Null(m.AverageSymmetricSurfaceDistance);
        Assert.Equal(1, m.GroundTruthSurfaceVoxels);
    }

    [SkippableFact]
    public void Identical_masks_have_zero_distances_and_dice_one()
    {
        var a = new Volume<byte>(6, 6, 6, VolumeGeometry.WithSpacing(0.5, 0.5, 2));
        for (var z = 1; z < 5; z++)
        {
            a[2, 3, z] = 1;
            a[3, 3, z] = 1;
        }
        var r = SegmentationEvaluator.Evaluate(a, a.Clone());
        Assert.Equal(1.0, r.Segments[0].Dice);
        Assert.Equal(0.0, r.Segments[0].Hausdorff);
        Assert.Equal(0.0, r.Segments[0].Hausdorff95);
    }

    [SkippableFact]
    public void Single_voxels_apart_give_their_distance_in_mm()
    {
        var g = VolumeGeometry.WithSpacing(0.5, 0.8, 3);
        var a = new Volume<byte>(4, 4, 4, g);
        var b = new Volume<byte>(4, 4, 4, g);
        a[0, 0, 0] = 1;
        b[3, 0, 2] = 1;
        var m = SurfaceDistance.Compute(a, b);
        var expected = Math.Sqrt((1.5 * 1.5) + (6.0 * 6.0));
        Assert.Equal(expected, m.Hausdorff!.Value, 1e-5);
        Assert.Equal(expected, m.AverageSymmetricSurfaceDistance!.Value, 1e-5);
    }

    [SkippableFact]
    public void Percentile_uses_numpy_linear_interpolation()
    {
        double[] sorted = [0, 1, 2, 3, 10];
        Assert.Equal(8.6, SurfaceDistance.Percentile(sorted, 95), 1e-12);
        Assert.Equal(2, SurfaceDistance.Percentile(sorted, 50), 1e-12);
    }
}
