using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegLossless;

/// <summary>JPEG Lossless process 14 (any predictor, SV1 included), 2–16 bits, point transform, restart markers.</summary>
internal sealed class JpegLosslessCodec : IPixelCodec
{
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [TransferSyntaxes.JpegLossless, TransferSyntaxes.JpegLosslessSv1];

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        JpegDecoder.Decode(encodedFrame, info, destination, convertYbrToRgb: false);
    }
}
