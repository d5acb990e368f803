namespace PipelineSeg.Dicom.Seg;

/// <summary>
/// A decoded DICOM-SEG: segments, frames (segment, position, source reference) and the frame values (0/1 for BINARY,
/// 0..MaximumFractionalValue for FRACTIONAL, segment numbers for LABELMAP). Place frames on a volume with
/// <see cref="SegmentMask"/> (by position, or by referenced instance when a frame has no position).
/// </summary>
public sealed partial record DicomSegmentation
{
    /// <summary>The file read.</summary>
    public required string FilePath { get; init; }

    /// <summary>SOP Instance UID.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>BINARY, FRACTIONAL or LABELMAP.</summary>
    public required string SegmentationType { get; init; }

    /// <summary>Maximum Fractional Value (FRACTIONAL only; 255 otherwise).</summary>
    public int MaximumFractionalValue { get; init; } = 255;

    /// <summary>Rows of every frame.</summary>
    public required int Rows { get; init; }

    /// <summary>Columns of every frame.</summary>
    public required int Columns { get; init; }

    /// <summary>The segments.</summary>
    public required IReadOnlyList<SegmentInfo> Segments { get; init; }

    /// <summary>The frames in file order.</summary>
    public required IReadOnlyList<SegmentationFrame> Frames { get; init; }

    /// <summary>Row direction cosines (shared orientation), when present.</summary>
    public DicomVector3? RowDirection { get; init; }

    /// <summary>Column direction cosines (shared orientation), when present.</summary>
    public DicomVector3? ColumnDirection { get; init; }

    /// <summary>Distance between rows (mm), when present.</summary>
    public double? RowSpacing { get; init; }

    /// <summary>Distance between columns (mm), when present.</summary>
    public double? ColumnSpacing { get; init; }

    /// <summary>Frame of Reference UID.</summary>
    public string FrameOfReferenceUid { get; init; } = string.Empty;

    /// <summary>The first Referenced Series' Series Instance UID (the source series), when present.</summary>
    public string ReferencedSeriesInstanceUid { get; init; } = string.Empty;

    /// <summary>Frames × Rows × Columns decoded values.</summary>
    public required byte[] Values { get; init; }

    /// <summary>The values of frame <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> FrameValues(int index) => Values.AsSpan(index * Rows * Columns, Rows * Columns);
}
