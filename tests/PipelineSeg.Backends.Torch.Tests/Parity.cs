using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

internal static class Parity
{
    /// <summary>Largest absolute difference of two models' outputs on the same random slices in [0, 1].</summary>
    public static double MaxDifference(ISegmentationModel a, ISegmentationModel b, int slices)
    {
        var random = new Random(14);
        var input = new float[a.Manifest.InputLength(slices)];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }
        var (pa, pb) = (new float[a.Manifest.OutputLength(slices)], new float[b.Manifest.OutputLength(slices)]);
        a.Predict(input, slices, pa);
        b.Predict(input, slices, pb);
        return pa.Zip(pb).Max(p => Math.Abs(p.First - p.Second));
    }
}
