namespace PipelineSeg.Dicom;

/// <summary>One frame waiting to be stacked.</summary>
internal sealed record SliceCandidate(DicomInstanceHeader Header, int FrameIndex, DicomFrameGeometry Geometry)
{
    public DicomSlice ToSlice() => new(Header.FilePath, FrameIndex, Header.SopClassUid, Header.SopInstanceUid,
        Geometry.Position, Header.InstanceNumber, Header.AcquisitionNumber)
    {
        IsFrameOfMultiFrame = Header.NumberOfFrames > 1,
    };
}
