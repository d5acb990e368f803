using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>One box per group (model) over per-case values of one metric, drawn like <see cref="DiceBoxPlot"/>: median, quartiles (linear interpolation), min/max whiskers.</summary>
public static class MetricBoxPlot
{
    /// <summary>The plot as PNG; groups without a finite value are left out, and at least one must remain. <paramref name="ratio"/> fixes y to 0–1.</summary>
    public static byte[] Png(IReadOnlyList<LabelledSamples> groups, string metric, string title, bool ratio, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var usable = groups.Select(g => (g.Label, Values: g.Values.Where(double.IsFinite).Order().ToArray())).Where(g => g.Values.Length > 0).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException("a box plot needs at least one group with a value", nameof(groups));
        }
        var plot = new Plot();
        plot.Add.Boxes([.. usable.Select((g, k) => new Box
        {
            Position = k,
            WhiskerMin = g.Values[0],
            BoxMin = DiceBoxPlot.Quantile(g.Values, 0.25),
            BoxMiddle = DiceBoxPlot.Quantile(g.Values, 0.5),
            BoxMax = DiceBoxPlot.Quantile(g.Values, 0.75),
            WhiskerMax = g.Values[^1],
        })]);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, usable.Count).Select(k => (double)k)], [.. usable.Select(g => $"{g.Label} (n={g.Values.Length})")]);
        plot.Title(title);
        plot.YLabel(metric);
        var top = ratio ? 1.05 : usable.Max(g => g.Values[^1]) * 1.05 + 1e-9;
        plot.Axes.SetLimits(-0.6, usable.Count - 0.4, 0, top);
        return PlotPng.Encode(plot, size);
    }
}
