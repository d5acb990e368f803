using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom;

/// <summary>
/// Which colour images can be read as R, G, B planes, and the conversion of one decoded 8-bit frame into them. Supported
/// are the photometric interpretations the codecs hand back: RGB (native, RLE, JPEG lossless, JPEG-LS, and lossy JPEG /
/// JPEG 2000 frames the codecs convert to RGB from YBR_FULL, YBR_FULL_422, YBR_RCT, YBR_ICT) and YBR_FULL (native, RLE,
/// JPEG lossless), converted as pydicom does (<see cref="YbrFullToRgb"/>). Planar configuration 0 and 1 both.
/// </summary>
public static class ColourPixels
{
    /// <summary>Why an image stored as <paramref name="photometricInterpretation"/> cannot be read as RGB; null when it can.</summary>
    /// <param name="transferSyntaxUid">The file's transfer syntax.</param>
    /// <param name="photometricInterpretation">(0028,0004) as stored.</param>
    /// <param name="samplesPerPixel">(0028,0002).</param>
    /// <param name="bitsAllocated">(0028,0100).</param>
    public static string? Problem(string transferSyntaxUid, string photometricInterpretation, int samplesPerPixel, int bitsAllocated)
    {
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        ArgumentNullException.ThrowIfNull(photometricInterpretation);
        if (samplesPerPixel != 3)
        {
            return $"{samplesPerPixel} samples per pixel, not 3";
        }
        if (bitsAllocated != 8)
        {
            return $"colour with {bitsAllocated} bits per sample (only 8-bit colour is read)";
        }
        var decoded = Decoded(transferSyntaxUid, photometricInterpretation);
        return decoded is "RGB" or "YBR_FULL"
            ? null
            : $"colour stored as {photometricInterpretation.Trim()} in this transfer syntax is not read (RGB and YBR_FULL are, and JPEG/JPEG 2000 YBR that the codecs turn into RGB)";
    }

    /// <summary>
    /// Writes the R, G and B planes (3 × Rows × Columns values 0…255) of one decoded frame laid out as native Pixel Data
    /// (<paramref name="info"/>'s planar configuration) whose colour space is <paramref name="decodedPhotometric"/>.
    /// </summary>
    public static void ToRgbPlanes(ReadOnlySpan<byte> frame, PixelFrameInfo info, string decodedPhotometric, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(info);
        var plane = info.Rows * info.Columns;
        if (frame.Length < 3 * plane || destination.Length < 3 * plane)
        {
            throw new ArgumentException($"a {info.Rows}x{info.Columns} colour frame needs {3 * plane} samples");
        }
        var ybr = decodedPhotometric.Trim() == "YBR_FULL";
        var red = destination[..plane];
        var green = destination.Slice(plane, plane);
        var blue = destination.Slice(2 * plane, plane);
        // Planar configuration 0 interleaves the samples of each pixel, 1 stores one plane after another.
        var (step, second, third) = info.PlanarConfiguration == 1 ? (1, plane, 2 * plane) : (3, 1, 2);
        for (var p = 0; p < plane; p++)
        {
            var at = p * step;
            byte a = frame[at], b = frame[at + second], c = frame[at + third];
            if (ybr)
            {
                (a, b, c) = YbrFullToRgb.Convert(a, b, c);
            }
            red[p] = a;
            green[p] = b;
            blue[p] = c;
        }
    }

    /// <summary>The colour space frames come out of the codecs in (lossy JPEG / JPEG 2000 YBR become RGB; native as stored).</summary>
    private static string Decoded(string transferSyntaxUid, string photometricInterpretation) =>
        PixelCodecRegistry.DecodedPhotometricInterpretation(transferSyntaxUid,
            new PixelFrameInfo(1, 1, 3, 8, 8, false, 0, photometricInterpretation)).Trim();
}
