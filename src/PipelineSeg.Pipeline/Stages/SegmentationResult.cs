using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>What the slab pipeline produces for one series.</summary>
/// <param name="Labels">Class index per voxel on the source grid, cleaned up.</param>
/// <param name="MeanUncertainty">Mean Monte-Carlo uncertainty over all pixels at model size; null without Monte-Carlo passes.</param>
/// <param name="Timings">Time per stage.</param>
public sealed record SegmentationResult(Volume<byte> Labels, double? MeanUncertainty, StageTimings Timings);
