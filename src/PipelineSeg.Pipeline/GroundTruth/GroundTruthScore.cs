using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>Metrics of a prediction against the ground-truth SEG of its series.</summary>
/// <param name="File">The ground-truth SEG file.</param>
/// <param name="Segments">Per model class, each including the classes it contains (liver ⊇ lesion), like the ground truth.</param>
/// <param name="Unmatched">Model classes without a ground-truth segment of the same label.</param>
/// <param name="Pairs">The predicted and ground-truth masks that were scored, on the source grid.</param>
public sealed record GroundTruthScore(
    string File,
    IReadOnlyList<SegmentEvaluation> Segments,
    IReadOnlyList<string> Unmatched,
    IReadOnlyList<MaskPair>? Pairs = null);
