using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>
/// A critic whose features are the masks themselves: per slice, mean |p − g| over the plane (the input level of SegAN's
/// distance with an all-ones image). Records what the pipeline handed over.
/// </summary>
internal sealed class MaskL1Critic : ISegmentationCritic
{
    public string Definition => "mean |p - g|";

    public int Slices { get; private set; }

    public List<float[]> Inputs { get; } = [];

    public void Distances(ReadOnlySpan<float> input, ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth, int sliceCount,
        Span<double> distances, CancellationToken cancellationToken = default)
    {
        Inputs.Add(input.ToArray());
        Slices += sliceCount;
        var plane = prediction.Length / sliceCount;
        for (var s = 0; s < sliceCount; s++)
        {
            var sum = 0.0;
            for (var i = 0; i < plane; i++)
            {
                sum += Math.Abs(prediction[s * plane + i] - truth[s * plane + i]);
            }
            distances[s] = sum / plane;
        }
    }
}
