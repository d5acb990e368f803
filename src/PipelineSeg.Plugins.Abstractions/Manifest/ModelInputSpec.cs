namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// The input a model expects. The pipeline resamples each slice to <see cref="Height"/> × <see cref="Width"/>
/// (covering the whole field of view, or at <see cref="PixelSpacingMm"/> when given), applies <see cref="Intensity"/>
/// and the per-channel <see cref="ChannelMean"/> / <see cref="ChannelStd"/>,
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

    /// <summary>Grey levels or RGB (<see cref="InputColor.Rgb"/> needs 3 channels and <see cref="ChannelLayout.SingleSlice"/>).</summary>
    public InputColor Color { get; init; } = InputColor.Grey;

    /// <summary>
    /// Per-channel means subtracted after <see cref="Intensity"/>, one per channel (ImageNet: 0.485, 0.456, 0.406 on
    /// values in [0, 1]); empty: no per-channel normalisation.
    /// </summary>
    public IReadOnlyList<double> ChannelMean { get; init; } = [];

    /// <summary>Per-channel standard deviations divided by after subtracting <see cref="ChannelMean"/> (ImageNet: 0.229, 0.224, 0.225).</summary>
    public IReadOnlyList<double> ChannelStd { get; init; } = [];
}
