namespace PipelineSeg.Plugins.Abstractions;

/// <summary>How the input channels of a model are filled from a volume.</summary>
public enum ChannelLayout
{
    /// <summary>One slice, copied into every channel (1 for most CT models, 3 for ImageNet-style backbones).</summary>
    SingleSlice,

    /// <summary>2.5-D: the slice and its neighbours, centred (edges repeated); channel k is slice z - Channels/2 + k.</summary>
    AdjacentSlices,
}
