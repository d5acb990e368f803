using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>Per-slice Dice along z, one line per segment; slices where the Dice is undefined leave a gap.</summary>
public static class SliceDicePlot
{
    /// <summary>The plot as PNG; <paramref name="segments"/> maps a segment name to its per-slice values.</summary>
    public static byte[] Png(IReadOnlyDictionary<string, IReadOnlyList<SliceDicePoint>> segments, string title, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0 || segments.Values.All(v => v.Count == 0))
        {
            throw new ArgumentException("per-slice Dice needs at least one slice", nameof(segments));
        }
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var k = 0;
        foreach (var (name, points) in segments.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var ordered = points.OrderBy(p => p.Z).ToList();
            var line = plot.Add.Scatter(ordered.Select(p => (double)p.Z).ToArray(), ordered.Select(p => p.Dice ?? double.NaN).ToArray(), palette.GetColor(k++));
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        plot.Title(title);
        plot.XLabel("slice (z)");
        plot.YLabel("Dice");
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotPng.Encode(plot, size);
    }
}
