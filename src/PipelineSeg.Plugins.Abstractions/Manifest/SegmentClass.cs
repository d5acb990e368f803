namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// One output class, with the coded concepts DICOM-SEG needs (Segmented Property Category and Type, e.g.
/// category SCT 123037004 "Anatomical Structure", type SCT 10200004 "Liver").
/// </summary>
public sealed class SegmentClass
{
    /// <summary>Output channel of this class.</summary>
    public required int Index { get; init; }

    /// <summary>Short label, e.g. <c>liver</c>; used as the DICOM Segment Label.</summary>
    public required string Label { get; init; }

    /// <summary>True for the background channel, which is not written as a segment.</summary>
    public bool IsBackground { get; init; }

    /// <summary>Segmented Property Category (required for non-background classes).</summary>
    public CodedConcept? Category { get; init; }

    /// <summary>Segmented Property Type (required for non-background classes).</summary>
    public CodedConcept? Type { get; init; }

    /// <summary>Optional display colour, RGB 0–255.</summary>
    public IReadOnlyList<int>? Color { get; init; }

    /// <summary>
    /// Labels of other classes that lie inside this one (e.g. liver contains lesion, the LiTS convention): the argmax
    /// keeps them exclusive, but this class's DICOM segment and its metrics include their voxels.
    /// </summary>
    public IReadOnlyList<string> Contains { get; init; } = [];
}
