namespace PipelineSeg.Dicom.Codecs;

/// <summary>Argument checks shared by the codecs, so a bad call fails before any decoding work.</summary>
internal static class CodecGuard
{
    /// <summary>Throws when the frame geometry is unusable or <paramref name="destination"/> is too small.</summary>
    public static void CheckDestination(PixelFrameInfo info, Span<byte> destination, string codec)
    {
        if (info.Rows <= 0 || info.Columns <= 0 || info.SamplesPerPixel is < 1 or > 4)
        {
            throw new DicomFormatException($"{codec}: invalid frame geometry {info.Rows}x{info.Columns}x{info.SamplesPerPixel}");
        }
        if (info.BitsAllocated is not (1 or 8 or 16 or 32) || info.BitsStored < 1 || info.BitsStored > info.BitsAllocated)
        {
            throw new DicomFormatException($"{codec}: unsupported Bits Allocated {info.BitsAllocated} / Bits Stored {info.BitsStored}");
        }
        if (destination.Length < info.FrameLength)
        {
            throw new ArgumentException($"destination has {destination.Length} bytes, the frame needs {info.FrameLength}", nameof(destination));
        }
    }
}
