using PipelineSeg.Reporting.Plots;

namespace PipelineSeg.Reporting.Tests.Plots;

/// <summary>The plots of <c>compare</c>: a metric against the threshold per model, and per-case box plots per model.</summary>
public sealed class ComparisonPlotTests
{
    private static readonly double[] Thresholds = [0.1, 0.3, 0.5, 0.7, 0.9];

    [SkippableFact]
    public void Metric_curves_decode_and_follow_the_data()
    {
        static IReadOnlyList<MetricCurve> Curves(double drop) =>
        [
            new("unet", [.. Thresholds.Select(t => (t, (double?)(0.95 - (drop * t))))]),
            new("segnet", [.. Thresholds.Select(t => (t, t > 0.6 ? (double?)null : 0.8))]),
        ];
        var a = MetricCurvePlot.Png(Curves(0.05), "dice", "dice against threshold", ratio: true, new PlotSize(500, 300));
        var b = MetricCurvePlot.Png(Curves(0.9), "dice", "dice against threshold", ratio: true, new PlotSize(500, 300));
        using var bitmap = PlotAssert.Decodes(a, 500, 300);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
        Assert.Throws<ArgumentException>(() => MetricCurvePlot.Png([], "dice", "empty", ratio: true));
    }

    [SkippableFact]
    public void Metric_box_plot_decodes_scales_distances_and_refuses_no_values()
    {
        var a = MetricBoxPlot.Png([new("unet", [3.1, 4.2, 5.0, 9.5]), new("segnet", [12.0, 15.5, 30.2])], "hausdorff95Mm", "HD95 per case", ratio: false);
        var b = MetricBoxPlot.Png([new("unet", [1.0, 1.2, 1.4, 2.0]), new("segnet", [2.0, 2.5, 3.0])], "hausdorff95Mm", "HD95 per case", ratio: false);
        using var bitmap = PlotAssert.Decodes(a, 640, 400);
        PlotAssert.NotBlank(bitmap);
        PlotAssert.Differ(a, b);
        Assert.Throws<ArgumentException>(() => MetricBoxPlot.Png([new("unet", [double.NaN])], "dice", "nothing", ratio: true));
    }
}
