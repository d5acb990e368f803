namespace PipelineSeg.Dicom.Seg;

/// <summary>Segmentation Type (0062,0001).</summary>
public enum SegmentationType
{
    /// <summary>1 bit per pixel, packed across frame boundaries.</summary>
    Binary,

    /// <summary>8 bits per pixel, PROBABILITY, Maximum Fractional Value 255.</summary>
    Fractional,

    /// <summary>
    /// Label Map Segmentation Storage: one 8-bit frame per slice whose values are segment numbers (0 = none); segments
    /// must not overlap.
    /// </summary>
    LabelMap,
}
