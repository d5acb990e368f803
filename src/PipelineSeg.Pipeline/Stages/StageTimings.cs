namespace PipelineSeg.Pipeline.Stages;

/// <summary>Milliseconds spent in each stage of one series (stages interleave slab by slab, so these are sums).</summary>
/// <param name="SourceMs">Reading, decoding and pre-processing slices (on the side thread, beside inference).</param>
/// <param name="InferenceMs">Model passes (and their softmax, flips, Monte-Carlo statistics).</param>
/// <param name="PostprocessingMs">Smoothing, labelling on the source grid (on the side thread, beside inference) and 3-D clean-up.</param>
public sealed record StageTimings(double SourceMs, double InferenceMs, double PostprocessingMs);
