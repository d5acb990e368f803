namespace PipelineSeg.Pipeline.Outputs;

/// <summary>How a pipeline's SEG encodes its segments (pipeline setting <c>SegEncoding</c>).</summary>
public enum SegEncoding
{
    /// <summary>Segmentation Storage, BINARY: one 1-bit frame per segment and slice; segments may overlap (liver ⊇ lesion).</summary>
    Binary,

    /// <summary>
    /// Label Map Segmentation Storage (DICOM 2024b): one 8-bit frame per slice holding segment numbers; compact, but only
    /// for segments that do not overlap, and newer than many viewers.
    /// </summary>
    LabelMap,
}
