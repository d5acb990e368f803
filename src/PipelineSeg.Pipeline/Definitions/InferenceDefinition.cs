using PipelineSeg.Pipeline.Inference;

namespace PipelineSeg.Pipeline.Definitions;

/// <summary>How a pipeline runs its model(s) (<c>Pipelines:&lt;name&gt;:Inference</c>): repeated passes are the pipeline's, not the plugin's.</summary>
public sealed class InferenceDefinition
{
    /// <summary>Further model ids averaged with the pipeline's model (an ensemble: same classes and input spec). Empty: one model.</summary>
    public List<string> EnsembleModels { get; } = [];

    /// <summary>Monte-Carlo dropout passes per slab (0 = off, else ≥ 2); needs models with capabilities.monteCarloDropout.</summary>
    public int MonteCarloSamples { get; set; }

    /// <summary>Seed of the Monte-Carlo dropout masks.</summary>
    public int MonteCarloSeed { get; set; }

    /// <summary>Uncertainty map computed from Monte-Carlo passes.</summary>
    public UncertaintyMeasure Uncertainty { get; set; } = UncertaintyMeasure.PredictiveEntropy;

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
    }
}
