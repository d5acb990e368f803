using PipelineSeg.Pipeline.Inference;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>A pass that writes a function of the output position, ignoring its input.</summary>
internal sealed class FixedPass(int classes, Func<int, float> value) : IProbabilityPass
{
    public int Classes => classes;

    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = value(i);
        }
    }
}
