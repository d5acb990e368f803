namespace PipelineSeg.Dicom.Seg;

public sealed partial record DicomSegmentation
{
    /// <summary>
    /// The values of segment <paramref name="segmentNumber"/> on the grid of <paramref name="geometry"/>
    /// (Slices × Rows × Columns): each frame goes to the slice its Image Position (Patient) falls on; frames without a
    /// position are matched by referenced SOP Instance UID (and frame number) against <paramref name="slices"/>.
    /// BINARY gives 0/1, FRACTIONAL the stored value, LABELMAP 1 where the label equals the segment number.
    /// Throws when a frame lies between slices, off the grid in-plane, or outside the volume.
    /// </summary>
    public byte[] SegmentMask(int segmentNumber, DicomGeometry geometry, IReadOnlyList<DicomSlice>? slices = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.Rows != Rows || geometry.Columns != Columns)
        {
            throw new DicomException($"SEG frames are {Rows}x{Columns} but the reference grid is {geometry.Rows}x{geometry.Columns}",
                FilePath, DicomTags.Rows, null);
        }
        var plane = Rows * Columns;
        var mask = new byte[(long)plane * geometry.Slices];
        var isLabelMap = SegmentationType == "LABELMAP";
        foreach (var frame in Frames)
        {
            if (!isLabelMap && frame.SegmentNumber != segmentNumber)
            {
                continue;
            }
            var k = SliceIndex(frame, geometry, slices);
            var source = FrameValues(frame.Index);
            var target = mask.AsSpan(k * plane, plane);
            if (isLabelMap)
            {
                for (var i = 0; i < plane; i++)
                {
                    if (source[i] == segmentNumber)
                    {
                        target[i] = 1;
                    }
                }
            }
            else if (source.ContainsAnyExcept((byte)0))
            {
                MaxInto(source, target); // overlapping frames of one segment keep the larger value
            }
        }
        return mask;
    }

    /// <summary>
    /// A grid spanning the SEG's own frames (distinct positions sorted along the normal), for SEGs read without
    /// their source series; null when frames lack positions or orientation.
    /// </summary>
    public DicomGeometry? OwnGeometry(double positionTolerance = 0.01)
    {
        if (RowDirection is not { } row || ColumnDirection is not { } col || Frames.Any(f => f.Position is null))
        {
            return null;
        }
        var normal = row.Cross(col).Normalized();
        var distinct = new List<DicomVector3>();
        foreach (var p in Frames.Select(f => f.Position!.Value).OrderBy(p => p.Dot(normal)))
        {
            if (distinct.Count == 0 || p.Dot(normal) - distinct[^1].Dot(normal) > positionTolerance)
            {
                distinct.Add(p);
            }
        }
        var steps = distinct.Zip(distinct.Skip(1), (a, b) => b.Dot(normal) - a.Dot(normal)).Order().ToList();
        var spacing = steps.Count > 0 ? steps.Min() : 1.0;
        var count = steps.Count > 0 ? (int)Math.Round((distinct[^1].Dot(normal) - distinct[0].Dot(normal)) / spacing) + 1 : 1;
        return new DicomGeometry(distinct[0], new DicomVector3(ColumnSpacing ?? 1, RowSpacing ?? 1, spacing), row.Normalized(),
            col.Normalized(), normal, Columns, Rows, count);
    }

    private int SliceIndex(SegmentationFrame frame, DicomGeometry geometry, IReadOnlyList<DicomSlice>? slices)
    {
        if (slices is not null && frame.Position is { } sp && MatchSlicePosition(sp, geometry, slices) is { } matched)
        {
            return matched; // exact source positions also handle stacks with gaps or uneven spacing
        }
        if (frame.Position is { } p)
        {
            var along = geometry.SliceDirection.Dot(geometry.Normal) * geometry.Spacing.Z;
            var k = along == 0 ? 0 : (p - geometry.Origin).Dot(geometry.Normal) / along;
            var kr = (int)Math.Round(k);
            var tolerance = Math.Max(0.01, 0.05 * Math.Abs(along));
            if (Math.Abs(k - kr) * Math.Abs(along) > tolerance || kr < 0 || kr >= geometry.Slices)
            {
                throw new DicomException($"frame {frame.Index + 1} at {p} does not fall on a slice of the reference volume (slice {k:0.###})",
                    FilePath, DicomTags.ImagePositionPatient, null);
            }
            var offset = (p - geometry.SlicePosition(kr)).Length;
            if (offset > Math.Max(0.01, 0.05 * Math.Min(geometry.Spacing.X, geometry.Spacing.Y)))
            {
                throw new DicomException($"frame {frame.Index + 1} is shifted {offset:0.###} mm in-plane from slice {kr + 1}: resampling needed",
                    FilePath, DicomTags.ImagePositionPatient, null);
            }
            return kr;
        }
        if (slices is not null && frame.ReferencedSopInstanceUid is { } uid)
        {
            for (var z = 0; z < slices.Count; z++)
            {
                if (slices[z].SopInstanceUid == uid && (frame.ReferencedFrameNumber is null || frame.ReferencedFrameNumber == slices[z].FrameIndex + 1))
                {
                    return z;
                }
            }
        }
        throw new DicomException($"frame {frame.Index + 1} has no position and no source reference in the given slices",
            FilePath, DicomTags.PerFrameFunctionalGroupsSequence, null);
    }

    private static int? MatchSlicePosition(DicomVector3 p, DicomGeometry geometry, IReadOnlyList<DicomSlice> slices)
    {
        var tolerance = Math.Max(0.01, 0.05 * Math.Min(geometry.Spacing.X, geometry.Spacing.Y));
        for (var z = 0; z < slices.Count; z++)
        {
            if (slices[z].Position is { } q && (p - q).Length <= tolerance)
            {
                return z;
            }
        }
        return null;
    }

    private static void MaxInto(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var i = 0;
        var width = System.Numerics.Vector<byte>.Count;
        for (; i <= source.Length - width; i += width)
        {
            System.Numerics.Vector.Max(new System.Numerics.Vector<byte>(source[i..]), new System.Numerics.Vector<byte>(target[i..])).CopyTo(target[i..]);
        }
        for (; i < source.Length; i++)
        {
            target[i] = Math.Max(source[i], target[i]);
        }
    }
}
