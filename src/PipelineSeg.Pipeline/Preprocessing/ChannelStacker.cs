using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Preprocessing;

/// <summary>Fills the model's input channels per <see cref="ChannelLayout"/> from slices already at the model size.</summary>
public static class ChannelStacker
{
    /// <summary>
    /// Writes [count, Channels, H, W] for core slices first … first + count − 1. <paramref name="planeOf"/> returns a
    /// loaded slice by series index; <see cref="ChannelLayout.AdjacentSlices"/> takes neighbours z − C/2 … z + C/2,
    /// repeating the first and last slice of the series (<paramref name="depth"/>) at its ends.
    /// </summary>
    public static void Fill(ModelInputSpec spec, int first, int count, int depth, Func<int, float[]> planeOf, Span<float> input)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(planeOf);
        var plane = spec.Width * spec.Height;
        var channels = spec.Channels;
        for (var s = 0; s < count; s++)
        {
            for (var c = 0; c < channels; c++)
            {
                // SingleSlice repeats the slice in every channel; AdjacentSlices takes neighbours, repeating the edges.
                var z = spec.Layout == ChannelLayout.AdjacentSlices
                    ? Math.Clamp(first + s - (channels / 2) + c, 0, depth - 1)
                    : first + s;
                planeOf(z).CopyTo(input.Slice(((s * channels) + c) * plane, plane));
            }
        }
    }

    /// <summary>
    /// Writes [count, 3, H, W] for an RGB model from colour slices: channel c of core slice s is
    /// <paramref name="planeOf"/>(s, c), the slice's R, G or B plane at the model size.
    /// </summary>
    public static void FillColour(ModelInputSpec spec, int count, Func<int, int, float[]> planeOf, Span<float> input)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(planeOf);
        if (spec.Color != InputColor.Rgb || spec.Channels != 3)
        {
            throw new ArgumentException($"colour slices need an RGB model of 3 channels, not {spec.Color} with {spec.Channels}", nameof(spec));
        }
        var plane = spec.Width * spec.Height;
        for (var s = 0; s < count; s++)
        {
            for (var c = 0; c < 3; c++)
            {
                planeOf(s, c).CopyTo(input.Slice(((s * 3) + c) * plane, plane));
            }
        }
    }

    /// <summary>Neighbour slices needed either side of a slice.</summary>
    public static int Halo(ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Layout == ChannelLayout.AdjacentSlices ? spec.Channels / 2 : 0;
    }
}
