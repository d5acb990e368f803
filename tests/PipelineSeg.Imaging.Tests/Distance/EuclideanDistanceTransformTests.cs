using PipelineSeg.Imaging.Distance;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Distance;

public sealed class EuclideanDistanceTransformTests
{
    [SkippableFact]
    public void Matches_scipy_distance_transform_edt_with_sampling()
    {
        var mask = NiftiFile.Read(Reference.Fixture("edt_mask.nii.gz")).ToLabels("edt");
        var expected = Reference.Doubles(Reference.Root.GetProperty("metrics").GetProperty("edt"));
        var actual = EuclideanDistanceTransform.DistanceToBackground(mask);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Span[i]) < 1e-4, $"voxel {i}: scipy {expected[i]}, ours {actual.Span[i]}");
        }
    }

    [SkippableFact]
    public void Matches_brute_force_on_random_sparse_features()
    {
        var rng = new Random(3);
        var size = new VolumeSize(13, 9, 7);
        var spacing = new Vec3(0.5, 1.7, 2.2);
        var features = new byte[size.VoxelCount];
        for (var i = 0; i < 6; i++)
        {
            features[rng.Next(features.Length)] = 1;
        }
        var d2 = new float[features.Length];
        EuclideanDistanceTransform.SquaredDistanceToFeatures(features, size, spacing, d2);
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var best = double.PositiveInfinity;
                    for (var j = 0; j < features.Length; j++)
                    {
                        if (features[j] == 0)
                        {
                            continue;
                        }
                        int fx = j % size.X, fy = j / size.X % size.Y, fz = j / size.SliceLength;
                        var dx = (x - fx) * spacing.X;
                        var dy = (y - fy) * spacing.Y;
                        var dz = (z - fz) * spacing.Z;
                        best = Math.Min(best, (dx * dx) + (dy * dy) + (dz * dz));
                    }
                    var i = (((z * size.Y) + y) * size.X) + x;
                    Assert.True(Math.Abs(best - d2[i]) < 1e-3, $"({x},{y},{z}): {best} vs {d2[i]}");
                }
            }
        }
    }

    [SkippableFact]
    public void No_features_gives_infinity()
    {
        var d2 = new float[8];
        EuclideanDistanceTransform.SquaredDistanceToFeatures(new byte[8], new VolumeSize(2, 2, 2), new Vec3(1, 1, 1), d2);
        Assert.All(d2, v => Assert.True(float.IsPositiveInfinity(v)));
    }
}
