namespace PipelineSeg.Dicom.Codecs;

/// <summary>
/// Convenience for the pixel loader: finds the codec, decodes one frame, and makes every error name the file and
/// frame (codecs themselves only see bytes).
/// </summary>
public static class PixelFrameDecoder
{
    /// <summary>Decodes frame <paramref name="frameIndex"/> (0-based) of <paramref name="sourceName"/>.</summary>
    /// <exception cref="UnsupportedTransferSyntaxException">No codec for the syntax, or an unsupported coding process.</exception>
    /// <exception cref="DicomFormatException">The frame is corrupt or does not match <paramref name="info"/>.</exception>
    public static void Decode(string transferSyntaxUid, ReadOnlySpan<byte> encodedFrame, PixelFrameInfo info, Span<byte> destination,
        string sourceName, int frameIndex)
    {
        var codec = PixelCodecRegistry.GetOrThrow(transferSyntaxUid, sourceName);
        try
        {
            codec.Decode(encodedFrame, info, destination);
        }
        catch (UnsupportedTransferSyntaxException e) when (e.FilePath is null)
        {
            throw new UnsupportedTransferSyntaxException(transferSyntaxUid.TrimEnd('\0', ' '), sourceName, $"frame {frameIndex + 1}: {e.Reason}");
        }
        catch (DicomFormatException e) when (e.FilePath is null)
        {
            throw new DicomFormatException($"frame {frameIndex + 1}: {e.Reason}", sourceName, new DicomTag(0x7FE0, 0x0010), null, e);
        }
    }
}
