using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Reporting.Overlays.Output;

/// <summary>The overlay Secondary Capture output (section <c>Output:Overlay</c>).</summary>
public sealed class OverlayOutputOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Output:Overlay";

    /// <summary><c>key</c> (default) or <c>all</c> source slices.</summary>
    [EnumDataType(typeof(OverlaySliceSelection))]
    public OverlaySliceSelection Slices { get; set; } = OverlaySliceSelection.Key;

    /// <summary>How many key slices (with <see cref="OverlaySliceSelection.Key"/>).</summary>
    [Range(1, 64)]
    public int KeySliceCount { get; set; } = 5;

    /// <summary>Window centre of the grey image (HU for CT); unset: the model's input window, else 40.</summary>
    [Range(-4096, 65535)]
    public double? WindowCenter { get; set; }

    /// <summary>Window width of the grey image; unset: the model's input window, else 400.</summary>
    [Range(1, 65535)]
    public double? WindowWidth { get; set; }

    /// <summary>Opacity of each segment's fill (0–1).</summary>
    [Range(0.0, 1.0)]
    public double FillOpacity { get; set; } = 0.3;
}
