namespace PipelineSeg.Pipeline.Applicability;

/// <summary>What the input checks compare with the model card; null where the series does not state it.</summary>
/// <param name="Modality">Modality (0008,0060).</param>
/// <param name="BodyPart">Body Part Examined (0018,0015).</param>
/// <param name="BodyPartCodes">Code values of the Anatomic Region Sequence (0008,2218), as "scheme:code".</param>
/// <param name="PatientPosition">Patient Position (0018,5100).</param>
/// <param name="Plane">axial, coronal or sagittal, from the slice normal.</param>
/// <param name="InPlaneSpacingMm">The larger of row and column spacing.</param>
/// <param name="SliceThicknessMm">Slice Thickness, or the slice spacing when it is absent.</param>
/// <param name="FieldOfViewMm">The larger of the in-plane width and height.</param>
public sealed record SeriesFacts(
    string Modality,
    string? BodyPart,
    IReadOnlyList<string> BodyPartCodes,
    string? PatientPosition,
    string? Plane,
    double? InPlaneSpacingMm,
    double? SliceThicknessMm,
    double? FieldOfViewMm);
