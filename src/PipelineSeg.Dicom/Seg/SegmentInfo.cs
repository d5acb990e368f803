namespace PipelineSeg.Dicom.Seg;

/// <summary>One segment as read from a SEG.</summary>
/// <param name="Number">Segment Number.</param>
/// <param name="Label">Segment Label.</param>
/// <param name="Category">Segmented Property Category, when present.</param>
/// <param name="Type">Segmented Property Type, when present.</param>
/// <param name="AlgorithmType">AUTOMATIC, SEMIAUTOMATIC or MANUAL.</param>
/// <param name="AlgorithmName">Segment Algorithm Name (may be empty).</param>
public sealed record SegmentInfo(int Number, string Label, CodedConcept? Category, CodedConcept? Type, string AlgorithmType,
    string AlgorithmName);
