namespace PipelineSeg.Dicom.Seg;

/// <summary>What was written.</summary>
/// <param name="FilePath">The SEG file.</param>
/// <param name="SopInstanceUid">Its SOP Instance UID.</param>
/// <param name="SeriesInstanceUid">Its Series Instance UID.</param>
/// <param name="NumberOfFrames">Frames written (segments × slices, less omitted empty frames).</param>
public sealed record SegmentationWriteResult(string FilePath, string SopInstanceUid, string SeriesInstanceUid, int NumberOfFrames);
