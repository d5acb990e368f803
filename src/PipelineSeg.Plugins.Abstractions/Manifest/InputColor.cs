namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What the input channels of a model hold.</summary>
public enum InputColor
{
    /// <summary>Grey levels (CT, MR): one value per pixel, repeated or stacked per <see cref="ChannelLayout"/>.</summary>
    Grey,

    /// <summary>Three colour channels R, G, B (ImageNet-style backbones); a grey series fills all three with the same slice.</summary>
    Rgb,
}
