using System.Buffers;
using System.Collections.Concurrent;
using PipelineSeg.Dicom.Threading;

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
        LoadSlices(series, 0, series.Slices.Count, destination, cancellationToken);
    }

    /// <summary>
    /// Loads slices <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 into
    /// <paramref name="destination"/> (count × Rows × Columns values), so a pipeline can stream a series slab by slab.
    /// </summary>
    public static void LoadSlices(DicomSeries series, int first, int count, Memory<float> destination, CancellationToken cancellationToken = default) =>
        LoadSlices(series, first, count, destination, Environment.ProcessorCount, cancellationToken);

    /// <summary>
    /// As above with at most <paramref name="maxDegreeOfParallelism"/> files at once; 1 reads them in turn on the calling
    /// thread (a streaming pipeline decodes beside inference, which already keeps the cores busy).
    /// </summary>
    public static void LoadSlices(DicomSeries series, int first, int count, Memory<float> destination, int maxDegreeOfParallelism,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, series.Slices.Count);
        var plane = series.Rows * series.Columns;
        if (destination.Length < (long)plane * count)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {count} slices need {(long)plane * count}", nameof(destination));
        }
        var byFile = SlicesByFile(series, first, count);
        if (byFile.Count == 0)
        {
            return;
        }
        if (maxDegreeOfParallelism == 1)
        {
            foreach (var file in byFile)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LoadFile(series, file, destination.Span, plane, cancellationToken);
            }
            return;
        }
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // Contiguous ranges of files, the calling thread taking part: few hand-offs, and on a busy machine the caller
        // carries on alone when the pool's workers are scheduled late instead of waiting for them.
        var rangeSize = Math.Clamp(byFile.Count / (4 * maxDegreeOfParallelism), 1, 16);
        ParallelFailure.Unwrap(() => Parallel.ForEach(Partitioner.Create(0, byFile.Count, rangeSize), options, range =>
        {
            for (var f = range.Item1; f < range.Item2; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LoadFile(series, byFile[f], destination.Span, plane, cancellationToken);
            }
        }));
    }

    private static void LoadFile(DicomSeries series, (string Path, List<(int Frame, int Z)> Slices) file, Span<float> destination,
        int plane, CancellationToken cancellationToken)
    {
        try
        {
            LoadFileFrames(series, file, destination, plane, cancellationToken);
        }
        catch (Exception e) when (e is not (DicomException or OperationCanceledException or IOException or UnauthorizedAccessException))
        {
            // A codec tripping over corrupt data (index or argument errors) still names the file and the cause.
            throw new DicomFormatException($"cannot decode pixel data: {e.Message}", file.Path, DicomTags.PixelData, null, e);
        }
    }

    private static void LoadFileFrames(DicomSeries series, (string Path, List<(int Frame, int Z)> Slices) file, Span<float> destination,
        int plane, CancellationToken cancellationToken)
    {
        using var dicom = DicomFile.Open(file.Path, DicomReadOptions.Full);
        var pixels = DicomPixelData.Create(dicom);
        if (pixels.Info.Rows != series.Rows || pixels.Info.Columns != series.Columns)
        {
            throw new DicomFormatException(
                $"image is {pixels.Info.Rows}x{pixels.Info.Columns} but the series is {series.Rows}x{series.Columns}",
                file.Path, DicomTags.Rows, null);
        }
        foreach (var (frame, z) in file.Slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Stream the floats past the caches: the volume is much larger than they are.
            LoadFrame(pixels, frame, destination.Slice(z * plane, plane), stream: true);
        }
    }

    /// <summary>
    /// The files of slices first … first + count − 1 in first-use order, each with its (frame, index from
    /// <paramref name="first"/>) pairs: each file is read once.
    /// </summary>
    internal static List<(string Path, List<(int Frame, int Z)> Slices)> SlicesByFile(DicomSeries series, int first, int count)
    {
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var files = new List<(string Path, List<(int Frame, int Z)> Slices)>(count);
        for (var z = 0; z < count; z++)
        {
            var slice = series.Slices[first + z];
            if (!index.TryGetValue(slice.FilePath, out var i))
            {
                i = files.Count;
                index.Add(slice.FilePath, i);
                files.Add((slice.FilePath, new List<(int, int)>(1)));
            }
            files[i].Slices.Add((slice.FrameIndex, z));
        }
        return files;
    }

    /// <summary>Decodes one frame of an open image into modality values.</summary>
    public static void LoadFrame(DicomPixelData pixels, int frameIndex, Span<float> destination) =>
        LoadFrame(pixels, frameIndex, destination, stream: false);

    private static void LoadFrame(DicomPixelData pixels, int frameIndex, Span<float> destination, bool stream)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var info = pixels.Info;
        if (info.SamplesPerPixel != 1)
        {
            throw new DicomException($"colour image ({info.PhotometricInterpretation}) cannot be loaded as a grey-level volume (DicomColourLoader reads it as R, G, B)",
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
                ModalityTransform.ForFrame(pixels.File.Dataset, frameIndex), destination[..plane], stream);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length + 8);
        try
        {
            pixels.DecodeFrame(frameIndex, buffer);
            var transform = ModalityTransform.ForFrame(pixels.File.Dataset, frameIndex);
            PixelConverter.ToFloat(buffer.AsSpan(0, length), info.BitsAllocated, info.BitsStored, pixels.HighBit, info.IsSigned,
                transform, destination[..plane], stream);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
