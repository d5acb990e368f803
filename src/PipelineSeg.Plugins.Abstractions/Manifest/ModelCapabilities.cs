namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Optional behaviours of a model.</summary>
public sealed class ModelCapabilities
{
    /// <summary>True when <see cref="ISegmentationModel.PredictMonteCarlo"/> is implemented (the net has dropout layers).</summary>
    public bool MonteCarloDropout { get; init; }

    /// <summary>Largest batch (slices per <see cref="ISegmentationModel.Predict"/> call) the model accepts; 0 = no limit.</summary>
    public int MaxBatch { get; init; }
}
