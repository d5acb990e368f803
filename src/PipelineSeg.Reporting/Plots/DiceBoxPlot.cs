using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>One box per segment over the batch's Dice values: median, quartiles (linear interpolation) and min/max whiskers.</summary>
public static class DiceBoxPlot
{
    /// <summary>The plot as PNG; segments without a finite value are left out, and at least one must remain.</summary>
    public static byte[] Png(IReadOnlyList<SegmentDiceSamples> segments, string title, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var usable = segments.Select(s => (s.Segment, Values: s.Dice.Where(double.IsFinite).Order().ToArray()))
            .Where(s => s.Values.Length > 0).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException("a Dice box plot needs at least one segment with a value", nameof(segments));
        }
        var plot = new Plot();
        var boxes = usable.Select((s, k) => new Box
        {
            Position = k,
            WhiskerMin = s.Values[0],
            BoxMin = Quantile(s.Values, 0.25),
            BoxMiddle = Quantile(s.Values, 0.5),
            BoxMax = Quantile(s.Values, 0.75),
            WhiskerMax = s.Values[^1],
        }).ToList();
        plot.Add.Boxes(boxes);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, usable.Count).Select(k => (double)k)], [.. usable.Select(s => $"{s.Segment} (n={s.Values.Length})")]);
        plot.Title(title);
        plot.YLabel("Dice");
        plot.Axes.SetLimits(-0.6, usable.Count - 0.4, 0, 1.05);
        return PlotPng.Encode(plot, size);
    }

    /// <summary>The q-quantile of sorted values, linear between order statistics (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
