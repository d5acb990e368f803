using System.ComponentModel.DataAnnotations;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Options;

/// <summary>What is written per series and where failures go (section <c>Output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Output";

    /// <summary>Write report.json next to each DICOM-SEG.</summary>
    public bool WriteReport { get; set; } = true;

    /// <summary>Segments without a voxel: <c>keep</c> them in the SEG (default) or <c>drop</c> them (named in report.json).</summary>
    [EnumDataType(typeof(EmptySegmentPolicy))]
    public EmptySegmentPolicy EmptySegments { get; set; } = EmptySegmentPolicy.Keep;

    /// <summary>
    /// Lossless compression of the SEG: <c>none</c> (default, Explicit VR Little Endian), <c>rle</c> (RLE Lossless; LABELMAP
    /// pipelines only, a BINARY SEG is 1-bit and is refused) or <c>deflate</c> (Deflated Explicit VR Little Endian, any SEG).
    /// </summary>
    [EnumDataType(typeof(SegmentationCompression))]
    public SegmentationCompression SegCompression { get; set; } = SegmentationCompression.None;

    /// <summary>Folder (under the output folder) where series that could not be processed are recorded with their reason.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[^/\\:*?""<>|]+$", ErrorMessage = "QuarantineFolder must be a plain folder name")]
    public string QuarantineFolder { get; set; } = "quarantine";

    /// <summary>Copy the files of a quarantined series next to its reason (batch leaves the input untouched either way).</summary>
    public bool CopyQuarantinedFiles { get; set; } = true;
}
