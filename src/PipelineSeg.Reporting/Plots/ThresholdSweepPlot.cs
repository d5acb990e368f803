using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>Dice, sensitivity, specificity (and IoU where given) against the binarisation threshold (0.1…0.9), one line each, y in 0–1.</summary>
public static class ThresholdSweepPlot
{
    /// <summary>The plot as PNG; undefined values leave a gap in their line.</summary>
    public static byte[] Png(IReadOnlyList<ThresholdSweepPoint> points, string title, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("a threshold sweep needs at least one threshold", nameof(points));
        }
        var plot = new Plot();
        var ordered = points.OrderBy(p => p.Threshold).ToList();
        AddLine(plot, ordered, p => p.Dice, "Dice", Colors.Blue);
        AddLine(plot, ordered, p => p.Sensitivity, "sensitivity", Colors.Green);
        AddLine(plot, ordered, p => p.Specificity, "specificity", Colors.Red);
        if (ordered.Any(p => p.Iou is not null))
        {
            AddLine(plot, ordered, p => p.Iou, "IoU", Colors.DarkOrange);
        }
        plot.Title(title);
        plot.XLabel("threshold");
        plot.YLabel("metric");
        plot.Axes.SetLimits(0, 1, 0, 1.05);
        plot.ShowLegend(Alignment.LowerLeft);
        return PlotPng.Encode(plot, size);
    }

    private static void AddLine(Plot plot, List<ThresholdSweepPoint> points, Func<ThresholdSweepPoint, double?> metric, string name, Color color)
    {
        var xs = points.Select(p => p.Threshold).ToArray();
        var ys = points.Select(p => metric(p) ?? double.NaN).ToArray();
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = name;
        line.LineWidth = 2;
        line.MarkerSize = 6;
    }
}
