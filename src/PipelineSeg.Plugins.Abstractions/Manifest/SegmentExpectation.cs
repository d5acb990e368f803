namespace PipelineSeg.Plugins.Abstractions;

/// <summary>What a plausible result looks like for one output class; the pipeline flags results outside it.</summary>
public sealed class SegmentExpectation
{
    /// <summary>The output class label (must be one of the model's classes).</summary>
    public required string Label { get; init; }

    /// <summary>Expected volume in mL.</summary>
    public ValueRange? VolumeMl { get; init; }

    /// <summary>Expected number of connected components (26-connected).</summary>
    public CountRange? Components { get; init; }

    /// <summary>True when the structure is in every series the model is meant for, so an empty result is implausible.</summary>
    public bool AlwaysPresent { get; init; }
}
