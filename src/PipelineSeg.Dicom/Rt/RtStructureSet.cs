namespace PipelineSeg.Dicom.Rt;

/// <summary>An RT Structure Set as read by <see cref="RtStructureSetReader"/>.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="FrameOfReferenceUid">The (first) referenced Frame of Reference.</param>
/// <param name="ReferencedSeriesUids">Series referenced under RT Referenced Series Sequence.</param>
/// <param name="ReferencedImageUids">SOP Instance UIDs listed in those series' Contour Image Sequences.</param>
/// <param name="Rois">ROIs in Structure Set ROI order.</param>
public sealed record RtStructureSet(string FilePath, string FrameOfReferenceUid, IReadOnlyList<string> ReferencedSeriesUids,
    IReadOnlyList<string> ReferencedImageUids, IReadOnlyList<RtStructureSetRoi> Rois);
