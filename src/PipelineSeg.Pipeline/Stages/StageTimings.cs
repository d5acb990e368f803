namespace PipelineSeg.Pipeline.Stages;

/// <summary>Milliseconds spent in each stage of one series (stages interleave slab by slab, so these are sums).</summary>
/// <param name="SourceMs">Reading and decoding slices.</param>
/// <param name="InferenceMs">Pre-processing, model passes and smoothing.</param>
/// <param name="PostprocessingMs">Labelling on the source grid and 3-D clean-up.</param>
public sealed record StageTimings(double SourceMs, double InferenceMs, double PostprocessingMs);
