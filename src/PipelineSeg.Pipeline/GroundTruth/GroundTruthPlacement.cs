using PipelineSeg.Imaging;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>A ground-truth SEG placed on the series grid, matched to the model's classes by label.</summary>
/// <param name="File">The ground-truth SEG file.</param>
/// <param name="Matched">Per matched model class (in class order), the ground-truth segment's mask on the source grid (0/1).</param>
/// <param name="Unmatched">Model classes without a ground-truth segment of the same label.</param>
public sealed record GroundTruthPlacement(string File, IReadOnlyList<(SegmentClass Class, Volume<byte> Truth)> Matched, IReadOnlyList<string> Unmatched);
