using PipelineSeg.Reporting.Plots;

namespace PipelineSeg.Reporting.Tests.Plots;

public sealed class PlotTests
{
    private static readonly double[] Thresholds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    [SkippableFact]
    public void Threshold_sweep_decodes_at_its_size_and_follows_the_data()
    {
        static IReadOnlyList<ThresholdSweepPoint> Sweep(double shift) =>
            Thresholds.Select(t => new ThresholdSweepPoint(t, 0.9 - (shift * t), 1 - (t * t), t == 0.9 ? null : 0.5 + (t / 2), 0.8 - (shift * t))).ToList();
        var a = ThresholdSweepPlot.Png(Sweep(0.1), "liver", new PlotSize(500, 300));
        var b = ThresholdSweepPlot.Png(Sweep(0.8), "liver", new PlotSize(500, 300));
        using var bitmap = PlotAssert.Decodes(a, 500, 300);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
    }

    [SkippableFact]
    public void Slice_dice_decodes_and_follows_the_data()
    {
        static IReadOnlyDictionary<string, IReadOnlyList<SliceDicePoint>> Slices(double depth) => new Dictionary<string, IReadOnlyList<SliceDicePoint>>
        {
            ["liver"] = Enumerable.Range(0, 30).Select(z => new SliceDicePoint(z, z is < 3 or > 26 ? null : 1 - (depth * Math.Abs(z - 15) / 15.0))).ToList(),
            ["lesion"] = Enumerable.Range(10, 8).Select(z => new SliceDicePoint(z, 0.6)).ToList(),
        };
        var a = SliceDicePlot.Png(Slices(0.2), "per-slice Dice");
        var b = SliceDicePlot.Png(Slices(0.9), "per-slice Dice");
        using var bitmap = PlotAssert.Decodes(a, PlotSize.Default.Width, PlotSize.Default.Height);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
    }

    [SkippableFact]
    public void Uncertainty_histogram_decodes_and_follows_the_data()
    {
        var random = new Random(7);
        var narrow = Enumerable.Range(0, 5000).Select(_ => 0.1 + (0.05 * random.NextDouble())).ToList();
        var skewed = Enumerable.Range(0, 5000).Select(_ => Math.Pow(random.NextDouble(), 4) * 0.4).ToList();
        var a = UncertaintyHistogramPlot.Png(narrow, "uncertainty");
        var b = UncertaintyHistogramPlot.Png(skewed, "uncertainty");
        using var bitmap = PlotAssert.Decodes(a, 640, 400);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
        Assert.Throws<ArgumentException>(() => UncertaintyHistogramPlot.Png([double.NaN], "empty"));
    }

    [SkippableFact]
    public void Uncertainty_histogram_from_byte_counts_decodes_and_follows_the_data()
    {
        static UncertaintyCounts Peak(string segment, int at) =>
            new(segment, [.. Enumerable.Range(0, 256).Select(b => (long)Math.Max(0, 1000 - (40 * Math.Abs(b - at))))], 510);
        var a = UncertaintyHistogramPlot.Png([Peak("liver", 20), Peak("lesion", 60)], "uncertainty", "std");
        var b = UncertaintyHistogramPlot.Png([Peak("liver", 90), Peak("lesion", 30)], "uncertainty", "std");
        using var bitmap = PlotAssert.Decodes(a, 640, 400);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
        Assert.Throws<ArgumentException>(() => UncertaintyHistogramPlot.Png([new UncertaintyCounts("liver", new long[256], 510)], "empty", "std"));
        Assert.Throws<ArgumentException>(() => UncertaintyHistogramPlot.Png([Peak("liver", 20), Peak("lesion", 20) with { Scale = 255 }], "mixed", "std"));
    }

    [SkippableFact]
    public void Dice_box_plot_decodes_and_follows_the_data()
    {
        var a = DiceBoxPlot.Png([new("liver", [0.92, 0.94, 0.94, 0.95]), new("lesion", [0.4, 0.55, 0.7])], "Dice per segment");
        var b = DiceBoxPlot.Png([new("liver", [0.5, 0.6, 0.8, 0.99]), new("lesion", [0.1, 0.2, 0.3])], "Dice per segment");
        using var bitmap = PlotAssert.Decodes(a, 640, 400);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
    }

    [SkippableTheory]
    [InlineData(new[] { 1.0 }, 0.5, 1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.25, 1.75)] // numpy.quantile([1,2,3,4], 0.25) = 1.75
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.5, 2.5)]
    public void Box_quartiles_interpolate_like_numpy(double[] sorted, double q, double expected) =>
        Assert.Equal(expected, DiceBoxPlot.Quantile(sorted, q), 12);
}
