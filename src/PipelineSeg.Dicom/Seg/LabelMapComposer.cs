namespace PipelineSeg.Dicom.Seg;

/// <summary>Merges per-segment masks into one label volume (value = segment number), refusing overlaps.</summary>
internal static class LabelMapComposer
{
    /// <summary>
    /// Slices × plane labels; throws <see cref="ArgumentException"/> naming both segments, the slice and the number of
    /// shared voxels when two segments claim the same voxel (a LABELMAP cannot say both).
    /// </summary>
    public static byte[] Compose(IReadOnlyList<SegmentDefinition> segments, IReadOnlyList<ReadOnlyMemory<byte>> masks, int plane, int slices)
    {
        var labels = new byte[(long)plane * slices];
        for (var s = 0; s < masks.Count; s++)
        {
            var mask = masks[s].Span;
            var number = (byte)(s + 1);
            for (var i = 0; i < labels.Length; i++)
            {
                if (mask[i] == 0)
                {
                    continue;
                }
                if (labels[i] != 0)
                {
                    throw Overlap(segments, masks, labels[i] - 1, s, i / plane, plane);
                }
                labels[i] = number;
            }
        }
        return labels;
    }

    private static ArgumentException Overlap(IReadOnlyList<SegmentDefinition> segments, IReadOnlyList<ReadOnlyMemory<byte>> masks, int first, int second,
        int slice, int plane)
    {
        long shared = 0;
        var a = masks[first].Span;
        var b = masks[second].Span;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != 0 && b[i] != 0)
            {
                shared++;
            }
        }
        return new ArgumentException(
            $"segments {first + 1} '{segments[first].Label}' and {second + 1} '{segments[second].Label}' overlap in {shared} voxels " +
            $"(first on slice {slice + 1}, {plane} pixels per slice); a LABELMAP SEG cannot hold overlapping segments: write BINARY instead");
    }
}
