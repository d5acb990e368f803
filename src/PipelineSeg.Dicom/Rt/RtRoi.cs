using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Rt;

/// <summary>One ROI of an RT Structure Set: its name, what it is (a coded concept), its display colour and its contours.</summary>
/// <param name="Name">ROI Name.</param>
/// <param name="Type">RT ROI Identification Code (e.g. SCT 10200004 Liver).</param>
/// <param name="Color">ROI Display Color (RGB).</param>
/// <param name="Contours">Closed planar contours; on a slice, contours combine by the even-odd rule (holes are contours inside outlines).</param>
public sealed record RtRoi(string Name, CodedConcept Type, (byte R, byte G, byte B) Color, IReadOnlyList<RtContour> Contours)
{
    /// <summary>RT ROI Interpreted Type (ORGAN, GTV, …); empty (allowed, Type 2) when the writer cannot know it.</summary>
    public string InterpretedType { get; init; } = string.Empty;

    /// <summary>ROI Description, or null.</summary>
    public string? Description { get; init; }
}
