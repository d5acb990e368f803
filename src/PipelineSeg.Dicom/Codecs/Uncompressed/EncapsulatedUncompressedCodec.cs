namespace PipelineSeg.Dicom.Codecs.Uncompressed;

/// <summary>
/// Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98): each frame is its native bytes in
/// a fragment (padded to even length), so decoding is a checked copy.
/// </summary>
internal sealed class EncapsulatedUncompressedCodec : IPixelCodec
{
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [TransferSyntaxes.EncapsulatedUncompressed];

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        CodecGuard.CheckDestination(info, destination, "encapsulated uncompressed");
        var length = (int)info.FrameLength;
        if (encodedFrame.Length < length)
        {
            throw new DicomFormatException($"encapsulated uncompressed frame has {encodedFrame.Length} bytes, {length} expected");
        }
        encodedFrame[..length].CopyTo(destination);
    }
}
