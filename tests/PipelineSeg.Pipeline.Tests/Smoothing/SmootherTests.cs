using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;

namespace PipelineSeg.Pipeline.Tests.Smoothing;

public sealed class SmootherTests
{
    /// <summary>One class, one pixel per slice, value z for slice z, cut into slabs of the given sizes.</summary>
    private static IEnumerable<ProbabilitySlab> Slabs(params int[] sizes)
    {
        var first = 0;
        foreach (var size in sizes)
        {
            yield return new ProbabilitySlab(first, size, 1, 1, 1, [.. Enumerable.Range(first, size).Select(z => (float)z)], [.. Enumerable.Range(first, size).Select(z => z * 10f)]);
            first += size;
        }
    }

    private static (int[] Firsts, float[] Values, float[] Uncertainty) Run(ISlabSmoother smoother, IEnumerable<ProbabilitySlab> slabs)
    {
        var output = slabs.SelectMany(smoother.Push).ToList();
        output.AddRange(smoother.Complete());
        return ([.. output.Select(s => s.First)], [.. output.SelectMany(s => s.Probabilities)], [.. output.SelectMany(s => s.Uncertainty!)]);
    }

    [SkippableFact]
    public void Moving_average_renormalises_at_the_ends_and_does_not_depend_on_slab_cuts()
    {
        var byTwo = Run(new SlidingWindowSmoother(SmoothingKind.MovingAverage, 1, 1, depth: 5), Slabs(2, 2, 1));
        var whole = Run(new SlidingWindowSmoother(SmoothingKind.MovingAverage, 1, 1, depth: 5), Slabs(5));

        Assert.Equal([0.5f, 1, 2, 3, 3.5f], byTwo.Values);
        Assert.Equal(byTwo.Values, whole.Values);
        Assert.Equal([0f, 10, 20, 30, 40], byTwo.Uncertainty); // passes through
        Assert.Equal(0, byTwo.Firsts[0]);
    }

    [SkippableFact]
    public void Gaussian_weights_neighbours_less_than_the_slice()
    {
        var values = Run(new SlidingWindowSmoother(SmoothingKind.Gaussian, 1, 1, depth: 3), Slabs(1, 1, 1)).Values;
        var w = Math.Exp(-0.5);
        Assert.Equal((float)(w / (1 + w)), values[0], 5);
        Assert.Equal(1f, values[1], 5);
        Assert.Equal((float)((w + 2) / (1 + w)), values[2], 5);
    }

    [SkippableFact]
    public void Pass_through_changes_nothing()
    {
        var slabs = Slabs(2, 3).ToList();
        var smoother = new PassThroughSmoother();
        Assert.Same(slabs[0], Assert.Single(smoother.Push(slabs[0])));
        Assert.Empty(smoother.Complete());
    }
}
