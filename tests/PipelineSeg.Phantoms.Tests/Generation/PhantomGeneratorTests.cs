using PipelineSeg.Imaging;
using PipelineSeg.Phantoms.Generation;

namespace PipelineSeg.Phantoms.Tests.Generation;

public sealed class PhantomGeneratorTests
{
    private static readonly PhantomOptions Small = new() { Size = 96, Slices = 20 };

    [SkippableFact]
    public void Same_seed_gives_identical_voxels_and_labels()
    {
        var a = PhantomGenerator.Generate(7, Small);
        var b = PhantomGenerator.Generate(7, Small);

        Assert.True(a.Ct.Span.SequenceEqual(b.Ct.Span));
        Assert.True(a.Labels.Span.SequenceEqual(b.Labels.Span));
        Assert.True(a.AnatomyLabels.Span.SequenceEqual(b.AnatomyLabels.Span));
        Assert.Equal(a.Ct.Geometry, b.Ct.Geometry);
    }

    [SkippableFact]
    public void Different_seeds_give_different_anatomy()
    {
        var a = PhantomGenerator.Generate(1, Small);
        var b = PhantomGenerator.Generate(2, Small);

        var differing = 0;
        for (var i = 0; i < a.Labels.Length; i++)
        {
            differing += a.Labels.Span[i] != b.Labels.Span[i] ? 1 : 0;
        }
        Assert.True(differing > a.Labels.Length / 100, $"only {differing} label voxels differ");
    }

    [SkippableFact]
    public void Geometry_follows_the_options_with_identity_axial_direction()
    {
        var c = PhantomGenerator.Generate(3, Small with { FieldOfViewMm = 360, SliceSpacingMm = 4 });

        Assert.Equal(new VolumeSize(96, 96, 20), c.Ct.Size);
        Assert.Equal(360.0 / 96, c.Ct.Geometry.Spacing.X, 9);
        Assert.Equal(360.0 / 96, c.Ct.Geometry.Spacing.Y, 9);
        Assert.Equal(4.0, c.Ct.Geometry.Spacing.Z, 9);
        Assert.Equal(Matrix3.Identity, c.Ct.Geometry.Direction);
        Assert.Equal(c.Ct.Geometry, c.Labels.Geometry);
        // The slice grid is centred on the patient in-plane.
        Assert.Equal(0.0, c.Ct.Geometry.IndexToWorld(47.5, 47.5, 0).X, 6);
    }

    [SkippableTheory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Tissues_have_realistic_attenuation(int seed)
    {
        var c = PhantomGenerator.Generate(seed, Small with { Size = 128, Slices = 24 });
        var ct = c.Ct.Span;
        var anatomy = c.AnatomyLabels.Span;

        var liver = MeanOf(ct, anatomy, PhantomLabels.Liver);
        Assert.InRange(liver, 45, 75);
        Assert.InRange(MeanOf(ct, anatomy, PhantomLabels.Kidney), 90, 200);
        Assert.True(MaxOf(ct, anatomy, PhantomLabels.Spine) > 500, "cortical bone should exceed 500 HU");
        Assert.InRange(MeanOf(ct, anatomy, PhantomLabels.Aorta), 110, 200);
        // The corner of the field of view is air.
        Assert.InRange(ct[0], -1100, -900);
        if (c.CountLabel(PhantomLabels.Lesion) > 50)
        {
            Assert.True(MeanOf(ct, c.Labels.Span, PhantomLabels.Lesion) < liver - 10, "lesions must be hypodense");
        }
    }

    [SkippableFact]
    public void Noise_level_matches_the_requested_sigma()
    {
        var c = PhantomGenerator.Generate(5, Small with { NoiseSigmaHu = 12 });
        // Air outside the patient is flat before noise: measure the standard deviation in the first rows.
        var values = new List<double>();
        for (var z = 0; z < c.Ct.Depth; z++)
        {
            for (var x = 0; x < c.Ct.Width; x++)
            {
                values.Add(c.Ct[x, 1, z]);
            }
        }
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        Assert.InRange(sd, 10.0, 14.0);
        Assert.InRange(mean, -1002, -998);
    }

    [SkippableFact]
    public void Task_labels_are_background_liver_or_lesion_and_lesions_lie_inside_the_liver()
    {
        var c = PhantomGenerator.Generate(21, Small with { Size = 128, Slices = 32 });
        var labels = c.Labels;
        Assert.All(labels.Array, v => Assert.True(v <= PhantomLabels.Lesion));
        var liverMl = (c.CountLabel(PhantomLabels.Liver) + c.CountLabel(PhantomLabels.Lesion)) * c.VoxelVolumeMl;
        Assert.InRange(liverMl, 150, 3000);

        // A lesion voxel never touches background directly in-plane: it is enclosed by liver.
        for (var z = 0; z < labels.Depth; z++)
        {
            for (var y = 1; y < labels.Height - 1; y++)
            {
                for (var x = 1; x < labels.Width - 1; x++)
                {
                    if (labels[x, y, z] == PhantomLabels.Lesion)
                    {
                        Assert.NotEqual(PhantomLabels.Background, labels[x - 1, y, z]);
                        Assert.NotEqual(PhantomLabels.Background, labels[x + 1, y, z]);
                    }
                }
            }
        }
    }

    [SkippableFact]
    public void Liver_lies_on_the_patients_right_and_the_spine_posterior()
    {
        var c = PhantomGenerator.Generate(9, Small with { Size = 128, Slices = 24 });
        var (liverX, _) = Centroid(c.AnatomyLabels, PhantomLabels.Liver);
        var (spineX, spineY) = Centroid(c.AnatomyLabels, PhantomLabels.Spine);
        var (_, aortaY) = Centroid(c.AnatomyLabels, PhantomLabels.Aorta);

        // LPS: patient right is −x, so the liver has smaller x than the spine; the aorta is anterior (smaller y).
        Assert.True(liverX < spineX - 20, $"liver x {liverX:F0} vs spine x {spineX:F0}");
        Assert.True(aortaY < spineY, $"aorta y {aortaY:F0} vs spine y {spineY:F0}");
    }

    [SkippableFact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PhantomGenerator.Generate(1, new PhantomOptions { Size = 4 }));
        Assert.Equal("Size", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomGenerator.Generate(1, new PhantomOptions { SliceSpacingMm = 0 }));
    }

    private static double MeanOf(ReadOnlySpan<short> ct, ReadOnlySpan<byte> labels, byte label)
    {
        double sum = 0;
        long n = 0;
        for (var i = 0; i < ct.Length; i++)
        {
            if (labels[i] == label)
            {
                sum += ct[i];
                n++;
            }
        }
        Assert.True(n > 0, $"label {label} is absent");
        return sum / n;
    }

    private static short MaxOf(ReadOnlySpan<short> ct, ReadOnlySpan<byte> labels, byte label)
    {
        short max = short.MinValue;
        for (var i = 0; i < ct.Length; i++)
        {
            if (labels[i] == label && ct[i] > max)
            {
                max = ct[i];
            }
        }
        return max;
    }

    private static (double X, double Y) Centroid(Volume<byte> labels, byte label)
    {
        double sx = 0, sy = 0;
        long n = 0;
        for (var z = 0; z < labels.Depth; z++)
        {
            for (var y = 0; y < labels.Height; y++)
            {
                for (var x = 0; x < labels.Width; x++)
                {
                    if (labels[x, y, z] == label)
                    {
                        var p = labels.Geometry.IndexToWorld(x, y, z);
                        (sx, sy, n) = (sx + p.X, sy + p.Y, n + 1);
                    }
                }
            }
        }
        Assert.True(n > 0, $"label {label} is absent");
        return (sx / n, sy / n);
    }
}
