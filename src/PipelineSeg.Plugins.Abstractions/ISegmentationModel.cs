namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// A loaded model, ready on its execution backend. Tensors are float32, contiguous, NCHW. The input is already resampled
/// to <see cref="ModelInputSpec.Height"/> × <see cref="ModelInputSpec.Width"/> and transformed with
/// <see cref="ModelInputSpec.Intensity"/>; the output layout is given by <see cref="ModelManifest.OutputLength"/>.
/// One call at a time per instance (models keep scratch buffers); create one instance per worker for parallelism.
/// Repeated passes (Monte-Carlo sampling, test-time flips, ensembles) are the pipeline's business, not the model's.
/// </summary>
public interface ISegmentationModel : IDisposable
{
    /// <summary>The manifest entry this model was created from (classes, input size, capabilities).</summary>
    ModelManifest Manifest { get; }

    /// <summary>
    /// Runs one forward pass on <paramref name="sliceCount"/> slices: deterministic (eval mode), or stochastic after
    /// <see cref="EnableStochasticMode"/>.
    /// </summary>
    /// <param name="input">[sliceCount, Input.Channels, Input.Height, Input.Width].</param>
    /// <param name="sliceCount">Batch size N.</param>
    /// <param name="output">[sliceCount, Output.Channels, Input.Height, Input.Width] (one value per channel for
    /// <see cref="OutputKind.Score"/>); probabilities sum to 1 over channels when <see cref="ModelOutputSpec.Kind"/>
    /// is <see cref="OutputKind.Probabilities"/>.</param>
    /// <param name="cancellationToken">Checked between slices.</param>
    void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes following <see cref="Predict"/> calls stochastic (dropout active, Gal &amp; Ghahramani 2016), with masks drawn
    /// from <paramref name="seed"/> so a run is reproducible. Only when <see cref="ModelCapabilities.MonteCarloDropout"/>
    /// is true; otherwise throws <see cref="NotSupportedException"/>.
    /// </summary>
    void EnableStochasticMode(int seed) =>
        throw new NotSupportedException($"model '{Manifest.Id}' has no stochastic mode (capabilities.monteCarloDropout is false)");

    /// <summary>Returns to deterministic passes; harmless when stochastic mode was never enabled.</summary>
    void DisableStochasticMode()
    {
    }

    /// <summary>
    /// The critic shipped with this model, if any (contract 2.1): the pipeline reports its distance between prediction and
    /// ground truth. Owned by the model (disposed with it).
    /// </summary>
    ISegmentationCritic? Critic => null;
}
