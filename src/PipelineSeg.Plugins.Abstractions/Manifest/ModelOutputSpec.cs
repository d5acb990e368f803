using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What a model produces: one channel per class for segmentation (index 0 is background).</summary>
public sealed class ModelOutputSpec
{
    /// <summary>How to read the output values.</summary>
    public OutputKind Kind { get; init; } = OutputKind.Probabilities;

    /// <summary>Output classes in channel order; for <see cref="OutputKind.Image"/> and <see cref="OutputKind.Score"/> one entry per channel.</summary>
    public required IReadOnlyList<SegmentClass> Classes { get; init; }

    /// <summary>Output channels (the number of classes).</summary>
    [JsonIgnore]
    public int Channels => Classes.Count;
}
