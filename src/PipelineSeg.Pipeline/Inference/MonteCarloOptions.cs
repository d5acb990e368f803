namespace PipelineSeg.Pipeline.Inference;

/// <summary>How to sample models with dropout active at inference (Gal &amp; Ghahramani, 2016).</summary>
/// <param name="Samples">Stochastic passes per slab (≥ 2).</param>
/// <param name="Seed">Seed of the dropout masks, so a run is reproducible (combined with each slab's first slice).</param>
/// <param name="Measure">What the uncertainty map holds.</param>
public sealed record MonteCarloOptions(int Samples = 10, int Seed = 0, UncertaintyMeasure Measure = UncertaintyMeasure.PredictiveEntropy);
