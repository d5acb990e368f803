namespace PipelineSeg.Plugins.UNet;

/// <summary>The configurable U-Net of tools/reference/unet_variants.py (argument names as its constructor's).</summary>
/// <param name="InChannels">in_channels.</param>
/// <param name="OutChannels">out_channels.</param>
/// <param name="Depth">depth: number of 2×2 poolings.</param>
/// <param name="BaseWidth">base_width: channels of the first level, doubled per level.</param>
/// <param name="BatchNorm">batch_norm: Conv-BN-ReLU (no conv bias) or Conv-ReLU (with bias).</param>
/// <param name="Padding">padding: 3×3 convolutions keep the size (true) or are unpadded as in Ronneberger et al. (false,
/// skips centre-cropped).</param>
/// <param name="Skip">skip: "concat" or "add".</param>
/// <param name="Upsampling">upsampling: "transposed", "bilinear" or "maxunpool" (pool indices, LiTS study variant).</param>
public sealed record UNetVariantOptions(int InChannels, int OutChannels, int Depth, int BaseWidth, bool BatchNorm, bool Padding,
    string Skip, string Upsampling)
{
    /// <summary>Channels at <paramref name="level"/> (Depth is the bottleneck).</summary>
    public int Width(int level) => BaseWidth << level;

    /// <summary>Checks combinations the network cannot build.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(OutChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseWidth, 1);
        if (Depth is < 1 or > 8)
        {
            throw new ArgumentException($"parameter 'depth' = {Depth} must be 1 to 8");
        }
        if (Upsampling == "maxunpool" && !Padding)
        {
            throw new ArgumentException("parameter 'upsampling' = 'maxunpool' needs 'padding' = true (unpooling restores the pooled size)");
        }
    }
}
