namespace PipelineSeg.Dicom.SecondaryCapture;

/// <summary>
/// One RGB image derived from one source slice: interleaved 8-bit R G B, row-major, on the source slice's pixel grid
/// (Rows × Columns of the series), so the slice's position, orientation and pixel spacing apply to it unchanged.
/// </summary>
/// <param name="SliceIndex">Index of the source slice in <see cref="DicomSeries.Slices"/>.</param>
/// <param name="Rgb">3 × Rows × Columns bytes.</param>
public sealed record SecondaryCaptureFrame(int SliceIndex, ReadOnlyMemory<byte> Rgb);
