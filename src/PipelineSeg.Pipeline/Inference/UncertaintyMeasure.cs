namespace PipelineSeg.Pipeline.Inference;

/// <summary>Per-pixel uncertainty summarised from Monte-Carlo samples.</summary>
public enum UncertaintyMeasure
{
    /// <summary>Entropy of the mean class distribution, in nats.</summary>
    PredictiveEntropy,

    /// <summary>Mutual information between prediction and weights (entropy of the mean minus mean entropy).</summary>
    MutualInformation,

    /// <summary>Variance over samples of the probability of the class with the highest mean.</summary>
    Variance,
}
