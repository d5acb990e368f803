namespace PipelineSeg.Dicom;

/// <summary>One 2-D image of a series: a single-frame file or one frame of a multi-frame file.</summary>
/// <param name="FilePath">The file holding the image.</param>
/// <param name="FrameIndex">0-based frame in that file (0 for single-frame files).</param>
/// <param name="SopClassUid">SOP Class UID of the instance.</param>
/// <param name="SopInstanceUid">SOP Instance UID of the instance (shared by all frames of a multi-frame file).</param>
/// <param name="Position">ImagePositionPatient of this frame, or null when the file has none.</param>
/// <param name="InstanceNumber">Instance Number (or in-stack position for multi-frame), when present.</param>
/// <param name="AcquisitionNumber">Acquisition Number, when present.</param>
public sealed record DicomSlice(string FilePath, int FrameIndex, string SopClassUid, string SopInstanceUid,
    DicomVector3? Position, int? InstanceNumber, int? AcquisitionNumber)
{
    /// <summary>True when the instance has more than one frame and this slice is one of them.</summary>
    public bool IsFrameOfMultiFrame { get; init; }
}
