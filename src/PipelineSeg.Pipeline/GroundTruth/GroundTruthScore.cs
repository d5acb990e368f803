using PipelineSeg.Imaging.Metrics;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>Metrics of a prediction against the ground-truth SEG of its series.</summary>
/// <param name="File">The ground-truth SEG file.</param>
/// <param name="Segments">Per model class (exclusive labels: a lesion voxel is not a liver voxel).</param>
/// <param name="Groups">Per class group treated as one organ (e.g. liver including its lesions), named "a+b".</param>
/// <param name="Unmatched">Model classes without a ground-truth segment of the same label.</param>
public sealed record GroundTruthScore(
    string File,
    IReadOnlyList<SegmentEvaluation> Segments,
    IReadOnlyList<SegmentEvaluation> Groups,
    IReadOnlyList<string> Unmatched);
