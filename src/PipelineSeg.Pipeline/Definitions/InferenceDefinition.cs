using PipelineSeg.Pipeline.Inference;

namespace PipelineSeg.Pipeline.Definitions;

/// <summary>How a pipeline runs its model(s) (<c>Pipelines:&lt;name&gt;:Inference</c>): repeated passes are the pipeline's, not the plugin's.</summary>
public sealed class InferenceDefinition
{
    /// <summary>Further model ids averaged with the pipeline's model (an ensemble: same classes and input spec). Empty: one model.</summary>
    public List<string> EnsembleModels { get; } = [];

    /// <summary>
    /// Weights of the ensemble's probability average, one per model in <c>ModelIds</c> order (the pipeline's model first);
    /// each ≥ 0, not all 0, normalised to sum 1. Empty: equal weights. A member of weight 0 is not run.
    /// </summary>
    public List<double> EnsembleWeights { get; } = [];

    /// <summary>Monte-Carlo dropout passes per slab (0 = off, else ≥ 2); needs models with capabilities.monteCarloDropout.</summary>
    public int MonteCarloSamples { get; set; }

    /// <summary>Seed of the Monte-Carlo dropout masks.</summary>
    public int MonteCarloSeed { get; set; }

    /// <summary>Uncertainty map computed from Monte-Carlo passes.</summary>
    public UncertaintyMeasure Uncertainty { get; set; } = UncertaintyMeasure.PredictiveEntropy;

    /// <summary>
    /// What the spread map (uncertainty.dcm) and the report's uncertainty figures come from; unset: Monte-Carlo passes
    /// when <see cref="MonteCarloSamples"/> is set, else none. <see cref="UncertaintySource.Flips"/> needs
    /// <see cref="TestTimeFlips"/>, <see cref="UncertaintySource.Ensemble"/> needs <see cref="EnsembleModels"/>; either one
    /// excludes Monte-Carlo passes (one source at a time).
    /// </summary>
    public UncertaintySource? UncertaintyFrom { get; set; }

    /// <summary>The source in effect: <see cref="UncertaintyFrom"/>, or Monte-Carlo when passes are set.</summary>
    public UncertaintySource? EffectiveUncertaintySource => UncertaintyFrom ?? (MonteCarloSamples > 0 ? UncertaintySource.MonteCarlo : null);

    /// <summary>Average over in-plane flips (test-time augmentation); needs models with capabilities.testTimeFlips.</summary>
    public bool TestTimeFlips { get; set; }

    /// <summary>Problems, each naming the field.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (MonteCarloSamples is 1 or < 0)
        {
            yield return $"{prefix}:MonteCarloSamples must be 0 (off) or ≥ 2, got {MonteCarloSamples}";
        }
        if (EnsembleModels.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{prefix}:EnsembleModels has an empty model id";
        }
        if (EnsembleWeights.Count > 0 && EnsembleWeights.Count != EnsembleModels.Count + 1)
        {
            yield return $"{prefix}:EnsembleWeights needs one weight per model ({EnsembleModels.Count + 1}: Model, then EnsembleModels), got {EnsembleWeights.Count}";
        }
        switch (UncertaintyFrom)
        {
            case UncertaintySource.MonteCarlo when MonteCarloSamples == 0:
                yield return $"{prefix}:UncertaintyFrom MonteCarlo needs MonteCarloSamples ≥ 2";
                break;
            case UncertaintySource.Flips when !TestTimeFlips:
                yield return $"{prefix}:UncertaintyFrom Flips needs TestTimeFlips true";
                break;
            case UncertaintySource.Ensemble when EnsembleModels.Count == 0:
                yield return $"{prefix}:UncertaintyFrom Ensemble needs EnsembleModels (at least one besides Model)";
                break;
            case UncertaintySource.Flips or UncertaintySource.Ensemble when MonteCarloSamples > 0:
                yield return $"{prefix}:UncertaintyFrom {UncertaintyFrom} cannot be combined with MonteCarloSamples (one source of uncertainty at a time)";
                break;
            default:
                break;
        }
        if (EnsembleWeights.Any(w => !(w >= 0) || !double.IsFinite(w)) || (EnsembleWeights.Count > 0 && !(EnsembleWeights.Sum() > 0)))
        {
            yield return $"{prefix}:EnsembleWeights must each be ≥ 0 and not all 0, got [{string.Join(", ", EnsembleWeights)}]";
        }
    }
}
