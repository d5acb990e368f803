namespace PipelineSeg.Dicom.Seg;

/// <summary>One frame of a SEG: which segment, where, and which source image it derives from.</summary>
/// <param name="Index">0-based frame index in the SEG.</param>
/// <param name="SegmentNumber">Referenced Segment Number (0 for LABELMAP frames, which hold segment numbers as values).</param>
/// <param name="Position">Image Position (Patient) of the frame, when present.</param>
/// <param name="ReferencedSopInstanceUid">The source instance in Derivation Image / Source Image, when present.</param>
/// <param name="ReferencedFrameNumber">1-based frame of a multi-frame source, when present.</param>
public sealed record SegmentationFrame(int Index, int SegmentNumber, DicomVector3? Position, string? ReferencedSopInstanceUid,
    int? ReferencedFrameNumber);
