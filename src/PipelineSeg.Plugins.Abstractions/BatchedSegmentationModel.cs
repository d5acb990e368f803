namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// What every model-family wrapper shares: the size checks against the manifest, and forward passes over batches of a
/// few slices (bounded memory per pass); a family only says how one batch runs. Engine-free, so any backend may use it.
/// </summary>
public abstract class BatchedSegmentationModel : ISegmentationModel
{
    /// <summary>Slices per forward pass unless a family asks otherwise.</summary>
    public const int DefaultSlicesPerForward = 4;

    private readonly int slicesPerForward;

    /// <summary>Wraps a model created from <paramref name="manifest"/>.</summary>
    protected BatchedSegmentationModel(ModelManifest manifest, int slicesPerForward = DefaultSlicesPerForward)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentOutOfRangeException.ThrowIfLessThan(slicesPerForward, 1);
        Manifest = manifest;
        this.slicesPerForward = slicesPerForward;
    }

    /// <inheritdoc />
    public ModelManifest Manifest { get; }

    /// <inheritdoc />
    public virtual ISegmentationCritic? Critic => null;

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        Manifest.CheckPredictBuffers(input.Length, sliceCount, output.Length);
        var (inPerSlice, outPerSlice) = (Manifest.InputLength(1), Manifest.OutputLength(1));
        for (var start = 0; start < sliceCount; start += slicesPerForward)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(slicesPerForward, sliceCount - start);
            PredictBatch(input.Slice(start * inPerSlice, n * inPerSlice), n, output.Slice(start * outPerSlice, n * outPerSlice));
        }
    }

    /// <inheritdoc />
    public virtual void EnableStochasticMode(int seed) =>
        throw new NotSupportedException($"model '{Manifest.Id}' has no stochastic mode (capabilities.monteCarloDropout is false)");

    /// <inheritdoc />
    public virtual void DisableStochasticMode()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>One forward pass over <paramref name="sliceCount"/> slices (sizes already checked).</summary>
    protected abstract void PredictBatch(ReadOnlySpan<float> input, int sliceCount, Span<float> output);

    /// <summary>Releases the network (and critic) when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// A one-channel foreground map to two-class probabilities [1 − p, p] per slice, p = clamp(scale · value + offset, 0, 1)
    /// (a regression map: scale 1, offset 0; tanh: scale 0.5, offset 0.5).
    /// </summary>
    protected static void ForegroundToTwoClasses(ReadOnlySpan<float> values, Span<float> output, int plane, float scale, float offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(plane, 1);
        if (values.Length % plane != 0 || output.Length != 2 * values.Length)
        {
            throw new ArgumentException($"{values.Length} values are not whole planes of {plane}, or the output is not twice their size");
        }
        for (var s = 0; s < values.Length / plane; s++)
        {
            for (var i = 0; i < plane; i++)
            {
                var p = Math.Clamp(values[s * plane + i] * scale + offset, 0f, 1f);
                output[2 * s * plane + i] = 1f - p;
                output[(2 * s + 1) * plane + i] = p;
            }
        }
    }
}
