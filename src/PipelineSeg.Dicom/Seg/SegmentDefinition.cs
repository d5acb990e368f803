namespace PipelineSeg.Dicom.Seg;

/// <summary>One segment of a DICOM-SEG: what it is (SCT category and type) and how it is shown.</summary>
/// <param name="Label">Segment Label, e.g. "Liver".</param>
/// <param name="Category">Segmented Property Category, e.g. <see cref="CodedConcept.AnatomicalStructure"/>.</param>
/// <param name="Type">Segmented Property Type, e.g. SCT 10200004 "Liver".</param>
public sealed record SegmentDefinition(string Label, CodedConcept Category, CodedConcept Type)
{
    /// <summary>Segment Description (optional).</summary>
    public string? Description { get; init; }

    /// <summary>Recommended Display CIELab Value as DICOM scaled 16-bit L*, a*, b* (optional).</summary>
    public IReadOnlyList<ushort>? RecommendedDisplayCieLab { get; init; }

    /// <summary>Tracking ID (optional).</summary>
    public string? TrackingId { get; init; }
}
