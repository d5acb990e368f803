namespace PipelineSeg.Pipeline.Stages;

/// <summary>Milliseconds spent in each stage of one series (stages interleave slab by slab, so these are sums).</summary>
/// <param name="SourceMs">Reading, decoding and pre-processing slices (on their own task, beside inference).</param>
/// <param name="InferenceMs">Model passes and smoothing.</param>
/// <param name="PostprocessingMs">Labelling on the source grid and 3-D clean-up.</param>
public sealed record StageTimings(double SourceMs, double InferenceMs, double PostprocessingMs);
