using System.Buffers;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom;

/// <summary>
/// Loads the pixels of a colour series (Samples per Pixel 3) as R, G, B planes of values 0…255, slice-major
/// [z][channel][y][x], so a pipeline streams colour slab by slab as it does grey levels (see <see cref="ColourPixels"/>
/// for what is read and how YBR becomes RGB).
/// </summary>
public static class DicomColourLoader
{
    /// <summary>
    /// Loads slices <paramref name="first"/> … + <paramref name="count"/> − 1 into <paramref name="destination"/>
    /// (count × 3 × Rows × Columns values), one file after another on the calling thread.
    /// </summary>
    public static void LoadSlices(DicomSeries series, int first, int count, Span<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, series.Slices.Count);
        var planes = 3 * series.Rows * series.Columns;
        if (destination.Length < (long)planes * count)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {count} colour slices need {(long)planes * count}", nameof(destination));
        }
        foreach (var file in DicomPixelLoader.SlicesByFile(series, first, count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var dicom = DicomFile.Open(file.Path, DicomReadOptions.Full);
                // Before the Image Pixel checks: subsampled YBR_FULL_422 would otherwise fail as "too few bytes".
                RequireReadable(dicom.TransferSyntax.Uid, dicom.Dataset.GetString(DicomTags.PhotometricInterpretation) ?? "MONOCHROME2",
                    dicom.Dataset.GetInt32(DicomTags.SamplesPerPixel, 1), dicom.Dataset.GetInt32(DicomTags.BitsAllocated, 0), file.Path);
                var pixels = DicomPixelData.Create(dicom);
                if (pixels.Info.Rows != series.Rows || pixels.Info.Columns != series.Columns)
                {
                    throw new DicomFormatException($"image is {pixels.Info.Rows}x{pixels.Info.Columns} but the series is {series.Rows}x{series.Columns}",
                        file.Path, DicomTags.Rows, null);
                }
                foreach (var (frame, z) in file.Slices)
                {
                    LoadFrame(pixels, frame, destination.Slice(z * planes, planes));
                }
            }
            catch (Exception e) when (e is not (DicomException or OperationCanceledException or IOException or UnauthorizedAccessException))
            {
                throw new DicomFormatException($"cannot decode colour pixel data: {e.Message}", file.Path, DicomTags.PixelData, null, e);
            }
        }
    }

    /// <summary>Decodes one frame of an open colour image into R, G, B planes (3 × Rows × Columns values).</summary>
    /// <exception cref="DicomException">The image is not colour, or its colour is stored in a way that is not read; the message says which.</exception>
    public static void LoadFrame(DicomPixelData pixels, int frameIndex, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var info = pixels.Info;
        var syntax = pixels.File.TransferSyntax.Uid;
        RequireReadable(syntax, info.PhotometricInterpretation, info.SamplesPerPixel, info.BitsAllocated, pixels.File.SourceName);
        var decoded = PixelCodecRegistry.DecodedPhotometricInterpretation(syntax, info);
        if (pixels.TryGetNativeFrame(frameIndex, out var native))
        {
            ColourPixels.ToRgbPlanes(native, info, decoded, destination);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(pixels.FrameLength + 8);
        try
        {
            pixels.DecodeFrame(frameIndex, buffer);
            ColourPixels.ToRgbPlanes(buffer.AsSpan(0, pixels.FrameLength), info, decoded, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void RequireReadable(string transferSyntaxUid, string photometric, int samples, int bitsAllocated, string? source)
    {
        if (ColourPixels.Problem(transferSyntaxUid, photometric, samples, bitsAllocated) is { } problem)
        {
            throw new DicomException($"cannot read as RGB: {problem}", source, DicomTags.PhotometricInterpretation, null);
        }
    }
}
