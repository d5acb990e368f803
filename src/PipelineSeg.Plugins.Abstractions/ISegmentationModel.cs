namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// A loaded model. Tensors are float32, contiguous, NCHW. The input is already resampled to
/// <see cref="ModelInputSpec.Height"/> × <see cref="ModelInputSpec.Width"/> and transformed with
/// <see cref="ModelInputSpec.Intensity"/>; the output layout is given by <see cref="ModelManifest.OutputLength"/>.
/// One call at a time per instance (models keep scratch buffers); create one instance per worker for parallelism.
/// </summary>
public interface ISegmentationModel : IDisposable
{
    /// <summary>The manifest entry this model was created from (classes, input size, capabilities).</summary>
    ModelManifest Manifest { get; }

    /// <summary>
    /// Runs the model in eval mode on <paramref name="sliceCount"/> slices.
    /// </summary>
    /// <param name="input">[sliceCount, Input.Channels, Input.Height, Input.Width].</param>
    /// <param name="sliceCount">Batch size N.</param>
    /// <param name="output">[sliceCount, Output.Channels, Input.Height, Input.Width] (one value per channel for
    /// <see cref="OutputKind.Score"/>); probabilities sum to 1 over channels when <see cref="ModelOutputSpec.Kind"/>
    /// is <see cref="OutputKind.Probabilities"/>.</param>
    /// <param name="cancellationToken">Checked between slices.</param>
    void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default);

    /// <summary>
    /// Monte-Carlo dropout: runs <see cref="MonteCarloOptions.Samples"/> stochastic forward passes with dropout active
    /// and writes the mean probabilities and a per-pixel uncertainty. Only when
    /// <see cref="ModelCapabilities.MonteCarloDropout"/> is true; otherwise throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="input">As for <see cref="Predict"/>.</param>
    /// <param name="sliceCount">Batch size N.</param>
    /// <param name="meanOutput">Mean over samples, laid out as the output of <see cref="Predict"/>.</param>
    /// <param name="uncertainty">[sliceCount, Input.Height, Input.Width], measure given by <see cref="MonteCarloOptions.Measure"/>.</param>
    /// <param name="options">Sample count, seed and uncertainty measure.</param>
    /// <param name="cancellationToken">Checked between samples.</param>
    void PredictMonteCarlo(ReadOnlySpan<float> input, int sliceCount, Span<float> meanOutput, Span<float> uncertainty,
        MonteCarloOptions options, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"model '{Manifest.Id}' does not support Monte-Carlo dropout");
}
