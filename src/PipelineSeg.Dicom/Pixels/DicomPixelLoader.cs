using System.Buffers;

namespace PipelineSeg.Dicom;

/// <summary>
/// Loads the pixels of a series as float32 modality values (Modality LUT or Rescale Slope/Intercept applied),
/// slice-major [z][y][x] in the series' slice order. Files are read in parallel; compressed frames go through the codecs.
/// </summary>
public static class DicomPixelLoader
{
    /// <summary>Loads the whole series into a new array of Slices × Rows × Columns values.</summary>
    public static float[] LoadVolume(DicomSeries series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var count = (long)series.Slices.Count * series.Rows * series.Columns;
        if (count > Array.MaxLength)
        {
            throw new DicomException($"series {series.Key} has {count} voxels, more than one array can hold; load it in parts with the Memory<float> overload",
                series.Slices.FirstOrDefault()?.FilePath, DicomTags.Rows, null);
        }
        // Every voxel is written below, so skip zeroing (hundreds of MB for long series).
        var voxels = GC.AllocateUninitializedArray<float>((int)count);
        LoadVolume(series, voxels, cancellationToken);
        return voxels;
    }

    /// <summary>Loads the series on the thread pool.</summary>
    public static Task<float[]> LoadVolumeAsync(DicomSeries series, CancellationToken cancellationToken = default) =>
        Task.Run(() => LoadVolume(series, cancellationToken), cancellationToken);

    /// <summary>Loads the series into <paramref name="destination"/> (Slices × Rows × Columns values).</summary>
    public static void LoadVolume(DicomSeries series, Memory<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plane = series.Rows * series.Columns;
        if (destination.Length < (long)plane * series.Slices.Count)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; the series needs {(long)plane * series.Slices.Count}", nameof(destination));
        }
        var byFile = series.Slices.Select((slice, z) => (slice, z)).GroupBy(t => t.slice.FilePath, StringComparer.Ordinal).ToList();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(byFile, options, group =>
        {
            using var file = DicomFile.Open(group.Key, DicomReadOptions.Full);
            var pixels = DicomPixelData.Create(file);
            if (pixels.Info.Rows != series.Rows || pixels.Info.Columns != series.Columns)
            {
                throw new DicomFormatException(
                    $"image is {pixels.Info.Rows}x{pixels.Info.Columns} but the series is {series.Rows}x{series.Columns}",
                    group.Key, DicomTags.Rows, null);
            }
            foreach (var (slice, z) in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LoadFrame(pixels, slice.FrameIndex, destination.Span.Slice(z * plane, plane));
            }
        });
    }

    /// <summary>Decodes one frame of an open image into modality values.</summary>
    public static void LoadFrame(DicomPixelData pixels, int frameIndex, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var info = pixels.Info;
        if (info.SamplesPerPixel != 1)
        {
            throw new DicomException($"colour image ({info.PhotometricInterpretation}) cannot be loaded as a grey-level volume",
                pixels.File.SourceName, DicomTags.SamplesPerPixel, null);
        }
        if (frameIndex >= pixels.NumberOfFrames)
        {
            throw new DicomFormatException($"frame {frameIndex + 1} requested but the image has {pixels.NumberOfFrames}",
                pixels.File.SourceName, DicomTags.NumberOfFrames, null);
        }
        var length = pixels.FrameLength;
        var plane = info.Rows * info.Columns;
        if (pixels.TryGetNativeFrame(frameIndex, out var native))
        {
            PixelConverter.ToFloat(native, info.BitsAllocated, info.BitsStored, pixels.HighBit, info.IsSigned,
                ModalityTransform.ForFrame(pixels.File.Dataset, frameIndex), destination[..plane]);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length + 8);
        try
        {
            pixels.DecodeFrame(frameIndex, buffer);
            var transform = ModalityTransform.ForFrame(pixels.File.Dataset, frameIndex);
            PixelConverter.ToFloat(buffer.AsSpan(0, length), info.BitsAllocated, info.BitsStored, pixels.HighBit, info.IsSigned,
                transform, destination[..plane]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
