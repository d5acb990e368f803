using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Resampling;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Resampling;

public sealed class ResamplerTests
{
    [SkippableFact]
    public void Linear_resampling_to_spacing_matches_scipy_map_coordinates()
    {
        var image = NiftiFile.Read(Reference.Fixture("resample_image.nii.gz")).ToVolume<float>();
        var r = Reference.Root.GetProperty("morphology").GetProperty("resample");
        var spacing = Reference.Doubles(r.GetProperty("spacing"));
        var resampled = Resampler.ResampleToSpacing(image, new Vec3(spacing[0], spacing[1], spacing[2]), Interpolation.Linear);
        Assert.Equal(Reference.Ints(r.GetProperty("shape")), new[] { resampled.Width, resampled.Height, resampled.Depth });
        var expected = Reference.Doubles(r.GetProperty("linear"));
        var compared = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                continue;
            }
            compared++;
            Assert.True(Math.Abs(expected[i] - resampled.Span[i]) < 1e-3, $"voxel {i}: scipy {expected[i]}, ours {resampled.Span[i]}");
        }
        Assert.True(compared > expected.Length / 2);
    }

    [SkippableFact]
    public void Labels_to_size_and_back_restore_the_grid_and_the_labels()
    {
        var g = new VolumeGeometry(new Vec3(-10, 5, 30), new Vec3(0.8, 0.8, 2.5), Matrix3.FromColumns(new Vec3(0, 1, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1)));
        var labels = new Volume<byte>(16, 12, 4, g);
        for (var z = 0; z < 4; z++)
        {
            for (var y = 2; y < 10; y++)
            {
                for (var x = 4; x < 12; x++)
                {
                    labels[x, y, z] = (byte)(1 + ((x + z) % 3));
                }
            }
        }
        var up = Resampler.ResampleInPlane(labels, 32, 24, Interpolation.Nearest);
        Assert.True(Vec3.MaxAbsDifference(new Vec3(0.4, 0.4, 2.5), up.Geometry.Spacing) < 1e-12);
        var back = Resampler.ResampleLike(up, labels, Interpolation.Nearest);
        Assert.True(labels.Span.SequenceEqual(back.Span));
        var down = Resampler.ResampleToSize(up, labels.Size, Interpolation.Nearest);
        Assert.True(down.Geometry.IsCloseTo(g, 1e-9, 1e-12));
    }

    [SkippableFact]
    public void Linear_resampling_onto_the_same_grid_is_identity_and_preserves_world_positions()
    {
        var g = new VolumeGeometry(new Vec3(1, 2, 3), new Vec3(1, 1, 2), Matrix3.Identity);
        var v = new Volume<float>(5, 4, 3, g);
        for (var i = 0; i < v.Length; i++)
        {
            v.Span[i] = i * 0.5f;
        }
        var same = Resampler.ResampleLike(v, v, Interpolation.Linear);
        Assert.True(v.Span.SequenceEqual(same.Span));
        // a grid shifted by half a voxel in x averages neighbours
        var shifted = Resampler.Resample(v, new VolumeSize(4, 4, 3), g with { Origin = new Vec3(1.5, 2, 3) }, Interpolation.Linear);
        Assert.Equal((v[0, 1, 1] + v[1, 1, 1]) / 2, shifted[0, 1, 1], 1e-5);
    }
}
