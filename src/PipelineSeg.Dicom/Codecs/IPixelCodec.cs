namespace PipelineSeg.Dicom.Codecs;

/// <summary>Decodes the frames of one family of encapsulated transfer syntaxes.</summary>
public interface IPixelCodec
{
    /// <summary>The transfer syntax UIDs this codec decodes.</summary>
    IReadOnlyList<string> TransferSyntaxUids { get; }

    /// <summary>
    /// Decodes one frame into <paramref name="destination"/> (at least <see cref="PixelFrameInfo.FrameLength"/> bytes),
    /// laid out exactly like that frame in native (uncompressed, little-endian) Pixel Data. Lossy JPEG colour frames
    /// stored as YBR_FULL / YBR_FULL_422 come out as RGB (see <see cref="PixelCodecRegistry.DecodedPhotometricInterpretation"/>).
    /// Throws <see cref="DicomFormatException"/> on corrupt or inconsistent data and
    /// <see cref="UnsupportedTransferSyntaxException"/> for coding processes this codec does not implement.
    /// </summary>
    void Decode(ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination);
}
