using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Rt;

/// <summary>One ROI read back: number, name, display colour, identification code and its contours.</summary>
public sealed record RtStructureSetRoi(int Number, string Name, IReadOnlyList<int>? Color, CodedConcept? Type, IReadOnlyList<RtContourData> Contours);
