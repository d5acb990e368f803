namespace PipelineSeg.Dicom.Seg;

/// <summary>The transfer syntax a SEG is written in; all are lossless.</summary>
public enum SegmentationCompression
{
    /// <summary>Explicit VR Little Endian, uncompressed.</summary>
    None,

    /// <summary>RLE Lossless, one fragment per frame; only for 8-bit FRACTIONAL and LABELMAP (1-bit RLE is not interoperable).</summary>
    Rle,

    /// <summary>Deflated Explicit VR Little Endian: the whole dataset raw-deflated; any type, the best choice for BINARY.</summary>
    Deflate,
}
