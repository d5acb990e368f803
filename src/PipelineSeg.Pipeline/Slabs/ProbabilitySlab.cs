namespace PipelineSeg.Pipeline.Slabs;

/// <summary>
/// Class probabilities of consecutive slices at the model's input size: [Count, Classes, Height, Width]; the only
/// float-per-class data in the pipeline, so it exists per slab, never for the whole volume.
/// </summary>
/// <param name="First">First source slice.</param>
/// <param name="Count">Slices.</param>
/// <param name="Classes">Classes (model output channels).</param>
/// <param name="Width">Columns at model size.</param>
/// <param name="Height">Rows at model size.</param>
/// <param name="Probabilities">Probabilities, summing to 1 over classes per pixel.</param>
/// <param name="Uncertainty">[Count, Height, Width] from Monte-Carlo passes, or null.</param>
/// <param name="Spread">[Count, Classes, Height, Width] standard deviation of each class probability over the Monte-Carlo passes, or null.</param>
public sealed record ProbabilitySlab(int First, int Count, int Classes, int Width, int Height, float[] Probabilities, float[]? Uncertainty = null,
    float[]? Spread = null)
{
    /// <summary>
    /// Hands <see cref="Probabilities"/> back to the runner that made them, once the slab has been smoothed, labelled and
    /// observed (the runner reuses the array for a later slab); null when the array is the slab's own. Smoothers and
    /// observers copy what they keep.
    /// </summary>
    public Action? Release { get; init; }

    /// <summary>Pixels per slice.</summary>
    public int Plane => Width * Height;

    /// <summary>Probabilities of class <paramref name="k"/> in slab slice <paramref name="s"/> (0-based within the slab).</summary>
    public Span<float> Channel(int s, int k) => Probabilities.AsSpan(((s * Classes) + k) * Plane, Plane);

    /// <summary>Spread of class <paramref name="k"/> in slab slice <paramref name="s"/>; only when <see cref="Spread"/> is set.</summary>
    public Span<float> SpreadChannel(int s, int k) => (Spread ?? throw new InvalidOperationException("this slab has no spread")).AsSpan(((s * Classes) + k) * Plane, Plane);
}
