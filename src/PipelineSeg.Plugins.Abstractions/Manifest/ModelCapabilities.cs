namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Optional behaviours of a model; the pipeline uses them for repeated passes it runs itself.</summary>
public sealed class ModelCapabilities
{
    /// <summary>True when <see cref="ISegmentationModel.EnableStochasticMode"/> works (the net has dropout layers), so the
    /// pipeline may run Monte-Carlo passes and report their uncertainty.</summary>
    public bool MonteCarloDropout { get; init; }

    /// <summary>True when the model was trained with in-plane flips, so flipped inputs are in its distribution and the
    /// pipeline may average test-time flips. False for models that learned left/right anatomy from unflipped data.</summary>
    public bool TestTimeFlips { get; init; }

    /// <summary>Largest batch (slices per <see cref="ISegmentationModel.Predict"/> call) the model accepts; 0 = no limit.</summary>
    public int MaxBatch { get; init; }
}
