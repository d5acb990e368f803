using PipelineSeg.Imaging.Components;
using PipelineSeg.Imaging.Morphology;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Tests.Support;

namespace PipelineSeg.Imaging.Tests.Morphology;

public sealed class MorphologyParityTests
{
    private static Volume<byte> Load(string name) => NiftiFile.Read(Reference.Fixture(name)).ToLabels(name);

    [SkippableTheory]
    [InlineData("dilate", Connectivity.Faces6, 1)]
    [InlineData("dilate", Connectivity.Corners26, 2)]
    [InlineData("erode", Connectivity.Faces6, 1)]
    [InlineData("erode", Connectivity.Corners26, 2)]
    [InlineData("open", Connectivity.Faces6, 2)]
    [InlineData("open", Connectivity.Corners26, 1)]
    [InlineData("close", Connectivity.Faces6, 1)]
    [InlineData("close", Connectivity.Corners26, 2)]
    public void Matches_scipy_binary_morphology(string op, Connectivity connectivity, int iterations)
    {
        var mask = Load("morph_mask.nii.gz");
        var expected = Load($"morph_{op}_{(int)connectivity}_{iterations}.nii.gz");
        var actual = op switch
        {
            "dilate" => BinaryMorphology.Dilate(mask, connectivity, iterations),
            "erode" => BinaryMorphology.Erode(mask, connectivity, iterations),
            "open" => BinaryMorphology.Open(mask, connectivity, iterations),
            _ => BinaryMorphology.Close(mask, connectivity, iterations),
        };
        Assert.True(expected.Span.SequenceEqual(actual.Span), $"{op} {connectivity} ×{iterations} differs from scipy");
    }

    [SkippableFact]
    public void Fill_holes_per_slice_matches_scipy()
    {
        var mask = Load("morph_mask.nii.gz");
        var expected = Load("morph_fill_slices.nii.gz");
        var actual = HoleFilling.FillPerSlice(mask);
        Assert.True(expected.Span.SequenceEqual(actual.Span));
        Assert.Equal(1, actual[9, 9, 6]);
        Assert.Equal(0, mask[9, 9, 6]);
    }
}
