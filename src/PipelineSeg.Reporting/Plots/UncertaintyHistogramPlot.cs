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
        return Finish(plot, title, "uncertainty", size);
    }

    /// <summary>
    /// The plot of byte-quantised uncertainty counted per segment (<see cref="UncertaintyCounts"/>), one bar series per
    /// segment, <paramref name="bins"/> equal bins from 0 to the largest value present.
    /// </summary>
    public static byte[] Png(IReadOnlyList<UncertaintyCounts> segments, string title, string axis, int bins = 40, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var counted = segments.Where(s => s.Total > 0).ToList();
        if (counted.Count == 0)
        {
            throw new ArgumentException("an uncertainty histogram needs at least one counted voxel", nameof(segments));
        }
        if (counted.Any(s => s.PerByte.Count != 256 || s.Scale <= 0 || s.Scale != counted[0].Scale))
        {
            throw new ArgumentException("uncertainty counts need 256 byte values and one positive scale", nameof(segments));
        }
        var top = counted.Max(s => Enumerable.Range(0, 256).Last(b => s.PerByte[b] > 0)) + 1;
        bins = Math.Min(bins, top);
        var width = top / counted[0].Scale / bins;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var k = 0; k < counted.Count; k++)
        {
            var binned = new double[bins];
            for (var b = 0; b < top; b++)
            {
                binned[b * bins / top] += counted[k].PerByte[b];
            }
            // side by side within each bin, so no segment hides another
            var share = width / counted.Count;
            var positions = Enumerable.Range(0, bins).Select(i => (i * width) + ((k + 0.5) * share)).ToArray();
            var bars = plot.Add.Bars(positions, binned);
            bars.LegendText = counted[k].Segment;
            bars.Color = palette.GetColor(k);
            foreach (var bar in bars.Bars)
            {
                bar.Size = share * 0.95;
            }
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Finish(plot, title, axis, size);
    }

    private static byte[] Finish(Plot plot, string title, string axis, PlotSize? size)
    {
        plot.Title(title);
        plot.XLabel(axis);
        plot.YLabel("voxels");
        plot.Axes.Margins(bottom: 0);
        return PlotPng.Encode(plot, size);
    }
}
