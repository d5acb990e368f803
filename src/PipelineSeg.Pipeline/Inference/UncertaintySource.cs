namespace PipelineSeg.Pipeline.Inference;

/// <summary>What the per-voxel spread (uncertainty.dcm) and the uncertainty figures are computed over.</summary>
public enum UncertaintySource
{
    /// <summary>Monte-Carlo dropout passes (<c>MonteCarloSamples</c> ≥ 2).</summary>
    MonteCarlo,

    /// <summary>The four in-plane flips of test-time augmentation (<c>TestTimeFlips</c>), each flipped back.</summary>
    Flips,

    /// <summary>The ensemble's members, weighted as they are averaged (<c>EnsembleModels</c>).</summary>
    Ensemble,
}
