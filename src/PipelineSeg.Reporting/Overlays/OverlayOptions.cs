namespace PipelineSeg.Reporting.Overlays;

/// <summary>How an overlay is drawn.</summary>
public sealed record OverlayOptions
{
    /// <summary>The banner burned into every overlay unless <see cref="Banner"/> is off.</summary>
    public const string NotForDiagnosis = "NOT FOR DIAGNOSIS";

    /// <summary>Opacity (0–1) of each segment's fill: pixel = grey·(1−a) + colour·a.</summary>
    public double FillOpacity { get; init; } = 0.3;

    /// <summary>Draw the segment legend (bottom left).</summary>
    public bool Legend { get; init; } = true;

    /// <summary>Draw the "NOT FOR DIAGNOSIS" banner (top left).</summary>
    public bool Banner { get; init; } = true;

    /// <summary>Output pixels per millimetre of the finer in-plane spacing (1 = that spacing); ignored with <see cref="SourceGrid"/>.</summary>
    public int Zoom { get; init; } = 1;

    /// <summary>
    /// Keep the source pixel grid (one output pixel per voxel, no aspect correction): what a Secondary Capture that
    /// reuses the source slice's PixelSpacing and position needs. Off: pixels are square in millimetres.
    /// </summary>
    public bool SourceGrid { get; init; }

    /// <summary>Throws on an invalid setting.</summary>
    public void Validate()
    {
        if (FillOpacity is < 0 or > 1 || double.IsNaN(FillOpacity))
        {
            throw new ArgumentOutOfRangeException(nameof(FillOpacity), FillOpacity, "fill opacity must be within 0..1");
        }
        if (Zoom is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(Zoom), Zoom, "zoom must be within 1..16");
        }
    }
}
