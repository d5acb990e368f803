using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>The SEG written by <see cref="SegmentationOutput"/> and the empty segments it left out (by label).</summary>
public sealed record SegmentationOutputResult(SegmentationWriteResult Written, IReadOnlyList<string> DroppedEmptySegments);
