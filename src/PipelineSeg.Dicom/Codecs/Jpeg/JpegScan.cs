namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>A scan header (SOS): the components in the scan with their tables, and Ss/Se/Ah/Al.</summary>
/// <param name="ComponentIndexes">Index into the frame's components for each scan component.</param>
/// <param name="DcTables">DC (or lossless) Huffman table selector per scan component.</param>
/// <param name="AcTables">AC Huffman table selector per scan component (JPEG-LS: mapping table).</param>
/// <param name="SpectralStart">Ss: lossless predictor, JPEG-LS NEAR.</param>
/// <param name="SpectralEnd">Se: JPEG-LS interleave mode.</param>
/// <param name="ApproximationHigh">Ah.</param>
/// <param name="ApproximationLow">Al: lossless point transform.</param>
/// <param name="DataOffset">Offset of the first entropy-coded byte.</param>
internal sealed record JpegScan(int[] ComponentIndexes, int[] DcTables, int[] AcTables, int SpectralStart, int SpectralEnd,
    int ApproximationHigh, int ApproximationLow, int DataOffset);
