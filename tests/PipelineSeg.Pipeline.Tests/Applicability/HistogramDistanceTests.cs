using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Tests.Applicability;

public sealed class HistogramDistanceTests
{
    [SkippableFact]
    public void Identical_histograms_are_at_distance_zero() =>
        Assert.Equal(0, HistogramDistance.Wasserstein1([0.1, 0.6, 0.3], [0.1, 0.6, 0.3], 1), 12);

    [SkippableFact]
    public void Moving_all_mass_by_one_bin_costs_one_bin_width()
    {
        // Four bins over [0, 1]: bin width 0.25.
        Assert.Equal(0.25, HistogramDistance.Wasserstein1([1, 0, 0, 0], [0, 1, 0, 0], 1), 12);
        Assert.Equal(0.75, HistogramDistance.Wasserstein1([1, 0, 0, 0], [0, 0, 0, 1], 1), 12);
        Assert.Equal(1.5, HistogramDistance.Wasserstein1([1, 0, 0, 0], [0, 0, 0, 1], 2), 12);
    }

    [SkippableFact]
    public void Is_symmetric_and_matches_a_hand_computed_case()
    {
        double[] p = [0.5, 0.5, 0, 0], q = [0, 0.5, 0, 0.5];
        // CDFs 0.5, 1, 1 and 0, 0.5, 0.5: gaps 0.5 in three bins of 0.25 -> 0.375 on [0, 1].
        Assert.Equal(0.375, HistogramDistance.Wasserstein1(p, q, 1), 12);
        Assert.Equal(HistogramDistance.Wasserstein1(q, p, 1), HistogramDistance.Wasserstein1(p, q, 1), 12);
    }

    [SkippableFact]
    public void Different_bin_counts_are_rejected() =>
        Assert.Throws<ArgumentException>(() => HistogramDistance.Wasserstein1([1.0], [0.5, 0.5], 1));
}
