using System.Numerics.Tensors;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Preprocessing;

/// <summary>The manifest's per-channel normalisation (<see cref="ModelInputSpec.ChannelMean"/>, <see cref="ModelInputSpec.ChannelStd"/>), after the intensity transform.</summary>
public static class ChannelNormalization
{
    /// <summary>Applies (v − mean[c]) / std[c] to each channel plane of <paramref name="input"/> ([slices, Channels, H, W]) in place; nothing when the spec names no means.</summary>
    public static void Apply(ModelInputSpec spec, Span<float> input, int slices)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ChannelMean.Count == 0)
        {
            return;
        }
        var plane = spec.Width * spec.Height;
        for (var s = 0; s < slices; s++)
        {
            for (var c = 0; c < spec.Channels; c++)
            {
                var values = input.Slice(((s * spec.Channels) + c) * plane, plane);
                // (v − mean) / std, as torchvision's Normalize does
                TensorPrimitives.Subtract(values, (float)spec.ChannelMean[c], values);
                TensorPrimitives.Divide(values, (float)spec.ChannelStd[c], values);
            }
        }
    }
}
