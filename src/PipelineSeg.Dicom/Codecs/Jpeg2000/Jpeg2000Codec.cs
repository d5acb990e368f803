namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// JPEG 2000 Part 1 codestreams (.90 / .91): reversible 5/3 (bit-exact) and irreversible 9/7 (within 1 of OpenJPEG),
/// RCT/ICT colour, tiles, precincts, layers, all progression orders. Subsampled components, non-default code-block
/// styles (bypass, termination, …), POC/PPM/PPT/RGN are reported as unsupported.
/// </summary>
internal sealed class Jpeg2000Codec : IPixelCodec
{
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [TransferSyntaxes.Jpeg2000Lossless, TransferSyntaxes.Jpeg2000];

    public void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        CodecGuard.CheckDestination(info, destination, "JPEG 2000");
        try
        {
            J2kDecoder.Decode(encodedFrame, info, destination);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or OverflowException)
        {
            // Corrupt codestreams can send geometry past the arrays; report them as format errors, not crashes.
            throw new DicomFormatException($"JPEG 2000: corrupt codestream ({e.Message})", e);
        }
    }
}
