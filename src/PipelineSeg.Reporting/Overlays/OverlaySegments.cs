using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>The segments of a model's manifest as drawn, in the colours its SEG carries (manifest colour, else the shared palette).</summary>
public static class OverlaySegments
{
    /// <summary>One segment per non-background class; the label value is the class index, as in the pipeline's label volumes.</summary>
    public static IReadOnlyList<OverlaySegment> From(IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var foreground = classes.Where(c => !c.IsBackground).OrderBy(c => c.Index).ToList(); // the SEG's order, so colours match
        var colors = SegmentColors.For(foreground);
        return foreground.Select((c, k) => new OverlaySegment(checked((byte)c.Index), c.Label, colors[k])).ToList();
    }
}
