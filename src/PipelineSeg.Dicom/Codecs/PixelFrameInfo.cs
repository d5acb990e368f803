namespace PipelineSeg.Dicom.Codecs;

/// <summary>
/// The Image Pixel module attributes a codec needs to decode one frame and lay it out like native Pixel Data.
/// </summary>
/// <param name="Rows">(0028,0010) Rows.</param>
/// <param name="Columns">(0028,0011) Columns.</param>
/// <param name="SamplesPerPixel">(0028,0002) Samples per Pixel (1 or 3).</param>
/// <param name="BitsAllocated">(0028,0100) Bits Allocated (1, 8, 16 or 32).</param>
/// <param name="BitsStored">(0028,0101) Bits Stored.</param>
/// <param name="IsSigned">(0028,0103) Pixel Representation is 1.</param>
/// <param name="PlanarConfiguration">(0028,0006) 0 = colour-by-pixel, 1 = colour-by-plane; the output honours it.</param>
/// <param name="PhotometricInterpretation">(0028,0004), e.g. MONOCHROME2, RGB, YBR_FULL_422.</param>
public sealed record PixelFrameInfo(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int BitsStored,
    bool IsSigned, int PlanarConfiguration, string PhotometricInterpretation)
{
    /// <summary>Bytes per sample in native layout (BitsAllocated rounded up to whole bytes).</summary>
    public int BytesPerSample => (BitsAllocated + 7) / 8;

    /// <summary>Size in bytes of one decoded frame in native layout (BitsAllocated 1 is bit-packed).</summary>
    public long FrameLength => BitsAllocated == 1
        ? ((long)Rows * Columns * SamplesPerPixel + 7) / 8
        : (long)Rows * Columns * SamplesPerPixel * BytesPerSample;
}
