using ScottPlot;

namespace PipelineSeg.Reporting.Plots;

/// <summary>Renders a finished ScottPlot plot to PNG bytes.</summary>
internal static class PlotPng
{
    public static byte[] Encode(Plot plot, PlotSize? size)
    {
        var s = size ?? PlotSize.Default;
        s.Validate();
        return plot.GetImageBytes(s.Width, s.Height, ImageFormat.Png);
    }
}
