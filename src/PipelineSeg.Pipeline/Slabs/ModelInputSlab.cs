namespace PipelineSeg.Pipeline.Slabs;

/// <summary>A slab ready for the model: [Count, Channels, Height, Width] at the model's input size, intensity applied.</summary>
/// <param name="First">First source slice.</param>
/// <param name="Count">Slices.</param>
/// <param name="Input">The model input tensor.</param>
public sealed record ModelInputSlab(int First, int Count, float[] Input)
{
    /// <summary>Hands <see cref="Input"/> back to its producer for the next slab once the model has read it (null: nothing to hand back).</summary>
    public Action? Release { get; init; }
}
