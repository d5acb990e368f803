using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Rt;

/// <summary>Descriptive attributes of an RT Structure Set written by <see cref="RtStructureSetWriter"/>.</summary>
public sealed record RtStructureSetWriterOptions
{
    /// <summary>The algorithm that made the ROIs (ROI Generation Description names it and its version).</summary>
    public required SegmentationAlgorithm Algorithm { get; init; }

    /// <summary>Structure Set Label (SH, at most 16 characters; longer values are cut).</summary>
    public string Label { get; init; } = "PIPELINESEG";

    /// <summary>Structure Set Description (ST), e.g. the applicability warning.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Series Description.</summary>
    public string SeriesDescription { get; init; } = "Structure set";

    /// <summary>Series Number, distinct from the source's and the SEG's.</summary>
    public int SeriesNumber { get; init; } = 310;

    /// <summary>Manufacturer.</summary>
    public string Manufacturer { get; init; } = "PipelineSeg";

    /// <summary>Manufacturer's Model Name.</summary>
    public string ManufacturerModelName { get; init; } = "PipelineSeg";

    /// <summary>Software Versions.</summary>
    public string SoftwareVersions { get; init; } = typeof(RtStructureSetWriterOptions).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Series Instance UID; null generates one.</summary>
    public string? SeriesInstanceUid { get; init; }
}
