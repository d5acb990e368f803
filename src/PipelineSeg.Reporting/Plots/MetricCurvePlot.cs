using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>One metric against the threshold, one line per model (<c>compare</c>); undefined values leave a gap.</summary>
public static class MetricCurvePlot
{
    /// <summary>The plot as PNG; <paramref name="ratio"/> fixes y to 0–1 (distances scale to their data).</summary>
    public static byte[] Png(IReadOnlyList<MetricCurve> curves, string metric, string title, bool ratio, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0 || curves.All(c => c.Points.Count == 0))
        {
            throw new ArgumentException("a metric curve plot needs at least one point", nameof(curves));
        }
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var k = 0;
        foreach (var curve in curves)
        {
            var ordered = curve.Points.OrderBy(p => p.Threshold).ToList();
            var line = plot.Add.Scatter(ordered.Select(p => p.Threshold).ToArray(), ordered.Select(p => p.Value ?? double.NaN).ToArray(), palette.GetColor(k++));
            line.LegendText = curve.Name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        plot.Title(title);
        plot.XLabel("threshold");
        plot.YLabel(metric);
        plot.Axes.SetLimitsX(0, 1);
        if (ratio)
        {
            plot.Axes.SetLimitsY(0, 1.05);
        }
        else
        {
            plot.Axes.AutoScaleY();
        }
        plot.ShowLegend(Alignment.LowerLeft);
        return PlotPng.Encode(plot, size);
    }
}
