using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>Histogram of per-voxel uncertainty values (e.g. the Monte-Carlo spread inside the segmented voxels).</summary>
public static class UncertaintyHistogramPlot
{
    /// <summary>The plot as PNG, <paramref name="bins"/> equal bins from the smallest to the largest finite value.</summary>
    public static byte[] Png(IReadOnlyList<double> values, string title, int bins = 40, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            throw new ArgumentException("an uncertainty histogram needs at least one finite value", nameof(values));
        }
        var min = finite.Min();
        var max = finite.Max();
        if (max <= min)
        {
            max = min + 1e-6; // one value only: a single bar, not a zero-width range
        }
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max);
        histogram.AddRange(finite);
        var plot = new Plot();
        var bars = plot.Add.Bars(histogram.Bins, histogram.Counts.Select(c => (double)c).ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.Size = histogram.FirstBinSize * 0.95;
        }
        plot.Title(title);
        plot.XLabel("uncertainty");
        plot.YLabel("voxels");
        plot.Axes.Margins(bottom: 0);
        return PlotPng.Encode(plot, size);
    }
}
