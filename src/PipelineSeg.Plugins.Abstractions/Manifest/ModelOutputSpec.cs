using System.Text.Json.Serialization;

namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What a model produces: one channel per class for segmentation (index 0 is background).</summary>
public sealed class ModelOutputSpec
{
    /// <summary>How to read the output values.</summary>
    public OutputKind Kind { get; init; } = OutputKind.Probabilities;

    /// <summary>Output classes in channel order; for <see cref="OutputKind.Image"/> and <see cref="OutputKind.Score"/> one entry per channel.</summary>
    public required IReadOnlyList<SegmentClass> Classes { get; init; }

    /// <summary>
    /// The model author's foreground threshold (0–1, exclusive) for a segmentation; a pipeline's own <c>Threshold</c> or
    /// per-segment <c>Thresholds</c> take precedence. Null: the pipeline's, 0.5 by default.
    /// </summary>
    public double? DefaultThreshold { get; init; }

    /// <summary>Output channels (the number of classes).</summary>
    [JsonIgnore]
    public int Channels => Classes.Count;
}
