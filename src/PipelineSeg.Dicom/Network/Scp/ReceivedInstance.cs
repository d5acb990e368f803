namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>
/// An instance received whole and parsed: a complete Part 10 file at <see cref="Path"/> (a temporary name in the
/// incoming folder) that the store handler moves where it belongs.
/// </summary>
/// <param name="Path">The temporary Part 10 file.</param>
/// <param name="SopClassUid">Affected SOP Class UID.</param>
/// <param name="SopInstanceUid">Affected SOP Instance UID.</param>
/// <param name="TransferSyntaxUid">The negotiated transfer syntax the data set is encoded in.</param>
/// <param name="StudyInstanceUid">From the data set.</param>
/// <param name="SeriesInstanceUid">From the data set.</param>
/// <param name="Length">File size in bytes.</param>
public sealed record ReceivedInstance(string Path, string SopClassUid, string SopInstanceUid, string TransferSyntaxUid,
    string StudyInstanceUid, string SeriesInstanceUid, long Length);
