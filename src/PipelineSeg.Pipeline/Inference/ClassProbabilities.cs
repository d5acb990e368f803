using PipelineSeg.Imaging;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>Per-class probability volumes on the source series grid, in the model's channel order.</summary>
public sealed record ClassProbabilities(IReadOnlyList<SegmentClass> Classes, IReadOnlyList<Volume<float>> Volumes);
