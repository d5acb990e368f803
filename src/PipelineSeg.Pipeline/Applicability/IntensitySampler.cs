using PipelineSeg.Dicom;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// Builds the intensity histogram of a series from at most <see cref="MaxSlices"/> evenly spaced slices, one slice at a
/// time (never the whole volume): body = modality value above the card's threshold; the body voxels go through the
/// model's own intensity transform and are binned like the card's training histogram.
/// </summary>
public static class IntensitySampler
{
    /// <summary>Most slices read.</summary>
    public const int MaxSlices = 16;

    /// <summary>The slice indices sampled from a series of <paramref name="depth"/> slices: centres of equal parts.</summary>
    public static int[] SampleIndices(int depth, int maxSlices = MaxSlices)
    {
        var n = Math.Min(depth, maxSlices);
        return [.. Enumerable.Range(0, n).Select(i => (int)(((i + 0.5) * depth) / n)).Distinct()];
    }

    /// <summary>Samples <paramref name="series"/> against <paramref name="histogram"/> with <paramref name="transform"/>.</summary>
    public static IntensitySample Sample(DicomSeries series, IntensityHistogram histogram, IntensityTransform transform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(transform);
        var indices = SampleIndices(series.Slices.Count);
        var plane = series.Rows * series.Columns;
        var values = new float[plane];
        var counts = new long[histogram.Frequencies.Count];
        var masks = new List<byte[]>(indices.Length);
        long body = 0;
        foreach (var z in indices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = series.Slices[z];
            using (var file = DicomFile.Open(slice.FilePath, DicomReadOptions.Full))
            {
                DicomPixelLoader.LoadFrame(DicomPixelData.Create(file), slice.FrameIndex, values);
            }
            var mask = new byte[plane];
            body += BodyMask(values, histogram.BodyThreshold, mask);
            Bin(values, mask, histogram, transform, counts);
            masks.Add(mask);
        }
        var total = counts.Sum();
        var frequencies = counts.Select(c => total == 0 ? 0 : (double)c / total).ToArray();
        return new IntensitySample(indices, masks, frequencies, body);
    }

    /// <summary>Writes 1 into <paramref name="mask"/> where the value is above <paramref name="threshold"/>; returns the count.</summary>
    public static long BodyMask(ReadOnlySpan<float> values, double threshold, Span<byte> mask)
    {
        long count = 0;
        var t = (float)threshold;
        for (var i = 0; i < values.Length; i++)
        {
            var inside = values[i] > t;
            mask[i] = inside ? (byte)1 : (byte)0;
            count += inside ? 1 : 0;
        }
        return count;
    }

    /// <summary>Adds the transformed body values to <paramref name="counts"/> (values outside the range go to the edge bins).</summary>
    public static void Bin(ReadOnlySpan<float> values, ReadOnlySpan<byte> mask, IntensityHistogram histogram, IntensityTransform transform, Span<long> counts)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(transform);
        var inside = new float[values.Length];
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (mask[i] != 0)
            {
                inside[n++] = values[i];
            }
        }
        var body = inside.AsSpan(0, n);
        transform.Apply(body);
        var bins = counts.Length;
        var scale = bins / (histogram.Max - histogram.Min);
        foreach (var v in body)
        {
            counts[Math.Clamp((int)Math.Floor((v - histogram.Min) * scale), 0, bins - 1)]++;
        }
    }
}
