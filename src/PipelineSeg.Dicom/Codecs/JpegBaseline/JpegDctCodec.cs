using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// JPEG DCT with Huffman coding: baseline (process 1, 8-bit), extended (processes 2 and 4, 8/12-bit) and the retired
/// spectral-selection / progressive syntaxes (.53/.55), any integral subsampling, restart markers. YBR_FULL /
/// YBR_FULL_422 colour comes out as RGB, like dcmdjpeg. Arithmetic-coded and hierarchical JPEG are reported as
/// unsupported.
/// </summary>
internal sealed class JpegDctCodec : IPixelCodec
{
    public IReadOnlyList<string> TransferSyntaxUids { get; } =
        [TransferSyntaxes.JpegBaseline, TransferSyntaxes.JpegExtended, TransferSyntaxes.JpegSpectralSelection, TransferSyntaxes.JpegFullProgression];

    /// <summary>True when a 3-component lossy JPEG frame with this Photometric Interpretation is converted to RGB.</summary>
    public static bool ConvertsToRgb(string photometricInterpretation) =>
        photometricInterpretation.Trim() is "YBR_FULL" or "YBR_FULL_422";

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        JpegDecoder.Decode(encodedFrame, info, destination, ConvertsToRgb(info.PhotometricInterpretation));
    }
}
