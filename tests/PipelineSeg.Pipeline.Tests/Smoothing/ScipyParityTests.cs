using System.Globalization;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;

namespace PipelineSeg.Pipeline.Tests.Smoothing;

/// <summary>
/// The smoother against scipy.ndimage on a random probability stack: a Gaussian is gaussian_filter1d with the same σ
/// and radius; Nearest edges are mode="nearest"; Renormalise edges are the normalised convolution
/// filter(p, mode="constant") / filter(ones, mode="constant"). Moving averages are uniform_filter1d likewise.
/// </summary>
public sealed class ScipyParityTests
{
    private const int Depth = 23;
    private const int Classes = 2;
    private const int Width = 3;
    private const int Height = 4;
    private const int PerSlice = Classes * Width * Height;

    private const string Script = """
        import sys
        import numpy as np
        from scipy.ndimage import gaussian_filter1d, uniform_filter1d
        path, kind, sigma, radius, edges = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        p = np.loadtxt(path, dtype=np.float64, ndmin=2)
        def smooth(x, mode):
            if kind == "Gaussian":
                return gaussian_filter1d(x, sigma, axis=0, mode=mode, radius=radius)
            return uniform_filter1d(x, 2 * radius + 1, axis=0, mode=mode)
        if edges == "Nearest":
            out = smooth(p, "nearest")
        else:
            out = smooth(p, "constant") / smooth(np.ones_like(p), "constant")
        print(" ".join(repr(float(v)) for v in out.ravel()))
        """;

    [SkippableTheory]
    [InlineData(SmoothingKind.Gaussian, 1.5, null, SmoothingEdges.Renormalise)] // radius int(4·1.5 + 0.5) = 6
    [InlineData(SmoothingKind.Gaussian, 2.0, 3, SmoothingEdges.Nearest)]
    [InlineData(SmoothingKind.Gaussian, 0.7, 2, SmoothingEdges.Renormalise)]
    [InlineData(SmoothingKind.MovingAverage, 0, 2, SmoothingEdges.Renormalise)]
    [InlineData(SmoothingKind.MovingAverage, 0, 3, SmoothingEdges.Nearest)]
    public void Smoother_matches_scipy_for_every_slab_size(SmoothingKind kind, double sigma, int? radius, SmoothingEdges edges)
    {
        var definition = new SmoothingDefinition { Kind = kind, Radius = radius, Edges = edges };
        if (kind == SmoothingKind.Gaussian)
        {
            definition.Sigma = sigma;
        }
        var weights = definition.KernelFor(sliceSpacingMm: 2.5)!;
        var stack = RandomStack(seed: 7);
        var expected = Scipy(stack, kind, sigma, weights.Length / 2, edges);

        foreach (var slab in new[] { 1, 3, Depth })
        {
            var actual = Smooth(stack, weights, edges, slab);
            Assert.Equal(expected.Length, actual.Length);
            var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst <= 1e-5, $"slab {slab}: max |ours − scipy| = {worst}");
        }
    }

    [SkippableFact]
    public void Sigma_in_millimetres_is_divided_by_the_slice_spacing()
    {
        var mm = new SmoothingDefinition { Kind = SmoothingKind.Gaussian, SigmaMm = 5 };
        var slices = new SmoothingDefinition { Kind = SmoothingKind.Gaussian, Sigma = 2 };

        Assert.Equal(slices.KernelFor(1), mm.KernelFor(2.5));
        Assert.Equal(17, mm.KernelFor(2.5)!.Length); // radius int(4·2 + 0.5) = 8
        Assert.Equal(2 * 4 + 1, mm.KernelFor(5)!.Length); // σ = 1 slice on 5 mm slices: radius 4
        Assert.Null(new SmoothingDefinition().KernelFor(1));
    }

    [SkippableFact]
    public void Validation_names_the_smoothing_fields()
    {
        var both = new SmoothingDefinition { Kind = SmoothingKind.Gaussian, Sigma = 1, SigmaMm = 2, Truncate = 0, Radius = 40 };
        var errors = both.Validate("Pipelines:liver:Smoothing").ToList();

        Assert.Contains("Pipelines:liver:Smoothing: set Sigma (slices) or SigmaMm (millimetres), not both", errors);
        Assert.Contains("Pipelines:liver:Smoothing:Truncate must be positive, got 0", errors);
        Assert.Contains($"Pipelines:liver:Smoothing:Radius must be 1–{SmoothingKernel.MaxRadius}, got 40", errors);
        Assert.Contains("Pipelines:liver:Smoothing:SigmaMm must be positive, got -1",
            new SmoothingDefinition { Kind = SmoothingKind.Gaussian, SigmaMm = -1 }.Validate("Pipelines:liver:Smoothing"));
    }

    /// <summary>Softmax-like probabilities: random, summing to 1 over the two classes.</summary>
    private static float[] RandomStack(int seed)
    {
        var random = new Random(seed);
        var stack = new float[Depth * PerSlice];
        for (var z = 0; z < Depth; z++)
        {
            for (var i = 0; i < Width * Height; i++)
            {
                var p = (float)random.NextDouble();
                stack[(z * PerSlice) + i] = p;
                stack[(z * PerSlice) + (Width * Height) + i] = 1 - p;
            }
        }
        return stack;
    }

    private static float[] Smooth(float[] stack, double[] weights, SmoothingEdges edges, int slabSlices)
    {
        var smoother = new SlidingWindowSmoother(weights, edges, Depth);
        var output = new List<ProbabilitySlab>();
        for (var first = 0; first < Depth; first += slabSlices)
        {
            var count = Math.Min(slabSlices, Depth - first);
            output.AddRange(smoother.Push(new ProbabilitySlab(first, count, Classes, Width, Height, stack.AsSpan(first * PerSlice, count * PerSlice).ToArray())));
        }
        output.AddRange(smoother.Complete());
        Assert.Equal(Enumerable.Range(0, Depth), output.SelectMany(s => Enumerable.Range(s.First, s.Count)));
        return [.. output.SelectMany(s => s.Probabilities)];
    }

    private static double[] Scipy(float[] stack, SmoothingKind kind, double sigma, int radius, SmoothingEdges edges)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipelineseg-smoothing-{Guid.NewGuid():N}.txt");
        try
        {
            var rows = Enumerable.Range(0, Depth).Select(z => string.Join(' ',
                stack.AsSpan(z * PerSlice, PerSlice).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            File.WriteAllLines(path, rows);
            var output = ExternalTool.RunPython(Script, path, kind.ToString(), sigma.ToString("R", CultureInfo.InvariantCulture),
                radius.ToString(CultureInfo.InvariantCulture), edges.ToString());
            return [.. output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
