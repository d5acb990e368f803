namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// A written SEG (or RTSTRUCT, rasterised), read back by our own reader and placed on the source grid, does not hold the label volume that was meant
/// (a flipped, shifted or truncated write). Carries the figures so the job log shows what went wrong.
/// </summary>
public sealed class SegmentationReadBackException : Exception
{
    /// <summary>Creates the exception for one segment.</summary>
    public SegmentationReadBackException(string file, int segmentNumber, string segmentLabel, MaskFigures expected, MaskFigures found)
        : base($"read-back check of '{file}' failed: segment {segmentNumber} '{segmentLabel}' should hold {expected} but holds {found}")
    {
        File = file;
        SegmentNumber = segmentNumber;
        SegmentLabel = segmentLabel;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public SegmentationReadBackException(string message)
        : base(message)
    {
        File = string.Empty;
        SegmentLabel = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SegmentationReadBackException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        SegmentLabel = string.Empty;
    }

    /// <summary>Creates an empty exception (serialisation and analyzers).</summary>
    public SegmentationReadBackException()
        : this("read-back check failed")
    {
    }

    /// <summary>The SEG file checked.</summary>
    public string File { get; }

    /// <summary>Segment Number in the SEG.</summary>
    public int SegmentNumber { get; }

    /// <summary>Segment Label.</summary>
    public string SegmentLabel { get; }

    /// <summary>Count and centroid of the label volume that was meant.</summary>
    public MaskFigures Expected { get; }

    /// <summary>Count and centroid found in the SEG as read back.</summary>
    public MaskFigures Found { get; }
}
