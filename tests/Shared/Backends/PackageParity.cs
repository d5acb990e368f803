using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Testing;

/// <summary>Two models of one manifest shape on the same random slices: the largest absolute probability difference.</summary>
internal static class PackageParity
{
    public static double MaxDifference(ISegmentationModel a, ISegmentationModel b, int slices)
    {
        var random = new Random(14);
        var input = new float[a.Manifest.InputLength(slices)];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }
        Assert.Equal(a.Manifest.OutputLength(slices), b.Manifest.OutputLength(slices));
        var (pa, pb) = (new float[a.Manifest.OutputLength(slices)], new float[b.Manifest.OutputLength(slices)]);
        a.Predict(input, slices, pa);
        b.Predict(input, slices, pb);
        return pa.Zip(pb).Max(p => Math.Abs(p.First - p.Second));
    }
}
