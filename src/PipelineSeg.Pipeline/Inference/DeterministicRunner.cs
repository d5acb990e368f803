using System.Collections.Concurrent;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Runs a pass once per slab (a single model, an ensemble, test-time flips: whatever the pass composes). Probability
/// arrays handed back (<see cref="ProbabilitySlab.Release"/>) are reused: a slab's are 4 × 3 × 128² floats, a large
/// object that would otherwise be allocated, faulted in and collected once per slab on the inference thread.
/// </summary>
public sealed class DeterministicRunner(IProbabilityPass pass, int width, int height) : IInferenceRunner
{
    private readonly IProbabilityPass _pass = pass ?? throw new ArgumentNullException(nameof(pass));
    private readonly ConcurrentBag<float[]> _released = [];

    /// <inheritdoc />
    public ProbabilitySlab Run(ModelInputSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var length = slab.Count * _pass.Classes * width * height;
        if (!_released.TryTake(out var probabilities) || probabilities.Length != length)
        {
            probabilities = new float[length]; // the last slab of a series may be shorter
        }
        _pass.Run(slab.Input, slab.Count, probabilities, cancellationToken);
        var lent = probabilities;
        return new ProbabilitySlab(slab.First, slab.Count, _pass.Classes, width, height, probabilities) { Release = () => _released.Add(lent) };
    }
}
