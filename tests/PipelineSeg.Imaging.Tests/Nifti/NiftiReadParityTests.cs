using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Nifti;

public sealed class NiftiReadParityTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var p in Reference.Root.GetProperty("nifti").EnumerateObject())
        {
            data.Add(p.Name);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Reads_shape_affine_and_values_like_nibabel(string file)
    {
        var r = Reference.Root.GetProperty("nifti").GetProperty(file);
        var image = await NiftiFile.ReadAsync(Reference.Fixture(file));

        Assert.Equal(Reference.Ints(r.GetProperty("shape")), new[] { image.Size.X, image.Size.Y, image.Size.Z });
        Assert.Equal(r.GetProperty("datatype").GetInt32(), (int)image.DataType);
        var expectedAffine = Reference.FlattenAffine(r.GetProperty("affine"));
        var affine = image.Geometry.ToRasAffine();
        for (var i = 0; i < 16; i++)
        {
            Assert.True(Math.Abs(expectedAffine[i] - affine[i]) < 1e-5, $"affine[{i}]: nibabel {expectedAffine[i]}, ours {affine[i]}");
        }
        var stored = image.ToVolume<double>(applyScaling: false).Span.ToArray();
        var scaled = image.ToVolume<double>().Span.ToArray();
        Assert.Equal(Reference.Doubles(r.GetProperty("stored")), stored);
        var expectedScaled = Reference.Doubles(r.GetProperty("scaled"));
        for (var i = 0; i < scaled.Length; i++)
        {
            Assert.Equal(expectedScaled[i], scaled[i], 1e-9);
        }
    }

    [SkippableFact]
    public async Task Scaled_file_applies_slope_and_intercept()
    {
        var image = await NiftiFile.ReadAsync(Reference.Fixture("scaled_int16.nii"));
        Assert.True(image.Header.HasScaling);
        var stored = image.ToVolume<short>(applyScaling: false);
        var scaled = image.ToVolume<float>();
        Assert.Equal((stored.Span[7] * 2.5f) - 7f, scaled.Span[7]);
    }

    [SkippableFact]
    public async Task Truncated_file_names_the_file()
    {
        var dir = TestPaths.NewTempDirectory("nifti-trunc");
        try
        {
            var path = Path.Combine(dir, "cut.nii");
            var bytes = await File.ReadAllBytesAsync(Reference.Fixture("scaled_int16.nii"));
            await File.WriteAllBytesAsync(path, bytes[..400]);
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => NiftiFile.ReadAsync(path));
            Assert.Contains("cut.nii", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
