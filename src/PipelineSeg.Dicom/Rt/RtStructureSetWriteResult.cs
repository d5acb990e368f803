namespace PipelineSeg.Dicom.Rt;

/// <summary>What <see cref="RtStructureSetWriter"/> wrote.</summary>
/// <param name="Path">The file.</param>
/// <param name="SopInstanceUid">SOP Instance UID of the structure set.</param>
/// <param name="SeriesInstanceUid">Its Series Instance UID.</param>
/// <param name="Contours">Contours written, over all ROIs.</param>
public sealed record RtStructureSetWriteResult(string Path, string SopInstanceUid, string SeriesInstanceUid, int Contours);
