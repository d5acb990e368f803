namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// The input a model expects. The pipeline resamples each slice to <see cref="Height"/> × <see cref="Width"/>
/// (covering the whole field of view, or at <see cref="PixelSpacingMm"/> when given), applies <see cref="Intensity"/>,
/// and maps the output back onto the source grid.
/// </summary>
public sealed class ModelInputSpec
{
    /// <summary>Input channels (1 for a single CT slice; 2k+1 for <see cref="ChannelLayout.AdjacentSlices"/>; see <see cref="Layout"/>).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>In-plane rows the network takes.</summary>
    public required int Height { get; init; }

    /// <summary>In-plane columns the network takes.</summary>
    public required int Width { get; init; }

    /// <summary>Pixel spacing (mm) the model was trained at; null when slices are resized to fit the field of view.</summary>
    public double? PixelSpacingMm { get; init; }

    /// <summary>How channels are filled.</summary>
    public ChannelLayout Layout { get; init; } = ChannelLayout.SingleSlice;

    /// <summary>Intensity transform applied to HU (or stored values) before the network.</summary>
    public IntensityTransform Intensity { get; init; } = new();
}
