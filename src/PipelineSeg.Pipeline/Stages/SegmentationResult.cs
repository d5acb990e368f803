using PipelineSeg.Imaging;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>What the slab pipeline produces for one series.</summary>
/// <param name="Labels">Class index per voxel on the source grid, cleaned up.</param>
/// <param name="MeanUncertainty">Mean Monte-Carlo uncertainty over all pixels at model size; null without Monte-Carlo passes.</param>
/// <param name="Timings">Time per stage.</param>
/// <param name="Spread">
/// Per non-background class, the std of its probability over the Monte-Carlo passes on the source grid, in bytes
/// (<see cref="Postprocessing.SpreadVolumes.Scale"/> per unit); null without Monte-Carlo passes.
/// </param>
/// <param name="Probabilities">
/// Per non-background class, its probability on the source grid in bytes (<see cref="Postprocessing.ProbabilityVolumes.Scale"/>
/// per unit); only when the definition asks for <c>WriteProbabilities</c>.
/// </param>
public sealed record SegmentationResult(Volume<byte> Labels, double? MeanUncertainty, StageTimings Timings,
    IReadOnlyList<(SegmentClass Class, Volume<byte> Map)>? Spread = null, IReadOnlyList<(SegmentClass Class, Volume<byte> Map)>? Probabilities = null);
