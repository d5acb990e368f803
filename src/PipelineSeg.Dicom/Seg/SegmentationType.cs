namespace PipelineSeg.Dicom.Seg;

/// <summary>Segmentation Type (0062,0001).</summary>
public enum SegmentationType
{
    /// <summary>1 bit per pixel, packed across frame boundaries.</summary>
    Binary,

    /// <summary>8 bits per pixel, PROBABILITY, Maximum Fractional Value 255.</summary>
    Fractional,
}
