namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>JPEG-LS lossless (.80) and near-lossless (.81).</summary>
internal sealed class JpegLsCodec : IPixelCodec
{
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [TransferSyntaxes.JpegLsLossless, TransferSyntaxes.JpegLsNearLossless];

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        JpegLsDecoder.Decode(encodedFrame, info, destination);
    }
}
