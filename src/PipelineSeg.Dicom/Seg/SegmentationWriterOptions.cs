namespace PipelineSeg.Dicom.Seg;

/// <summary>Everything about a DICOM-SEG that is not the masks.</summary>
public sealed record SegmentationWriterOptions
{
    /// <summary>BINARY, FRACTIONAL or LABELMAP (Label Map Segmentation Storage).</summary>
    public SegmentationType Type { get; init; } = SegmentationType.Binary;

    /// <summary>The algorithm (required).</summary>
    public required SegmentationAlgorithm Algorithm { get; init; }

    /// <summary>Manufacturer (Enhanced General Equipment).</summary>
    public string Manufacturer { get; init; } = "PipelineSeg";

    /// <summary>Manufacturer's Model Name.</summary>
    public string ManufacturerModelName { get; init; } = "PipelineSeg";

    /// <summary>Device Serial Number.</summary>
    public string DeviceSerialNumber { get; init; } = "0";

    /// <summary>Software Versions.</summary>
    public string SoftwareVersions { get; init; } = typeof(SegmentationWriterOptions).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Series Description of the new series.</summary>
    public string SeriesDescription { get; init; } = "Segmentation";

    /// <summary>Series Number of the new series.</summary>
    public int SeriesNumber { get; init; } = 300;

    /// <summary>Instance Number.</summary>
    public int InstanceNumber { get; init; } = 1;

    /// <summary>Content Label (CS: upper case, digits, underscore, space).</summary>
    public string ContentLabel { get; init; } = "SEGMENTATION";

    /// <summary>Content Description.</summary>
    public string ContentDescription { get; init; } = string.Empty;

    /// <summary>Content Creator's Name.</summary>
    public string ContentCreatorName { get; init; } = string.Empty;

    /// <summary>
    /// Leave out frames with no segmented pixel. Off by default: many viewers place SEGs with omitted frames wrongly.
    /// </summary>
    public bool OmitEmptyFrames { get; init; }

    /// <summary>Series Instance UID to use (a new one when null, e.g. to put several SEGs in one series).</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>Lossless compression of the file: none (Explicit VR Little Endian), RLE Lossless (8-bit types only) or deflate.</summary>
    public SegmentationCompression Compression { get; init; } = SegmentationCompression.None;
}
