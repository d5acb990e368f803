namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// One way of turning a model input batch into class probabilities: a model, or a combination of passes (ensemble,
/// test-time flips). Passes compose; the inference runner drives them slab by slab.
/// </summary>
public interface IProbabilityPass
{
    /// <summary>Classes produced (output channels).</summary>
    int Classes { get; }

    /// <summary>Writes [sliceCount, Classes, H, W] probabilities for <paramref name="input"/> ([sliceCount, C, H, W]).</summary>
    void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken);
}
