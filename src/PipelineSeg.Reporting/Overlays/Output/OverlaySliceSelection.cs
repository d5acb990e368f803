namespace PipelineSeg.Reporting.Overlays.Output;

/// <summary>Which source slices get an overlay image (<c>Output:Overlay:Slices</c>).</summary>
public enum OverlaySliceSelection
{
    /// <summary>The key slices only (largest area per segment, then by total area): a handful of images.</summary>
    Key,

    /// <summary>Every source slice: the overlay series scrolls like the CT.</summary>
    All,
}
