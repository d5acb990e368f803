namespace PipelineSeg.Plugins.Abstractions;

/// <summary>How to sample a model with dropout active at inference (Gal &amp; Ghahramani, 2016).</summary>
/// <param name="Samples">Number of stochastic forward passes (≥ 2).</param>
/// <param name="Seed">Seed of the dropout masks, so a run is reproducible.</param>
/// <param name="Measure">What the uncertainty map holds.</param>
public sealed record MonteCarloOptions(int Samples = 10, int Seed = 0, UncertaintyMeasure Measure = UncertaintyMeasure.PredictiveEntropy);
