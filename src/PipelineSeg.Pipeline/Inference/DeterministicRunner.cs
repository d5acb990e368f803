using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>Runs a pass once per slab (a single model, an ensemble, test-time flips: whatever the pass composes).</summary>
public sealed class DeterministicRunner(IProbabilityPass pass, int width, int height) : IInferenceRunner
{
    private readonly IProbabilityPass _pass = pass ?? throw new ArgumentNullException(nameof(pass));

    /// <inheritdoc />
    public ProbabilitySlab Run(ModelInputSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var probabilities = new float[slab.Count * _pass.Classes * width * height];
        _pass.Run(slab.Input, slab.Count, probabilities, cancellationToken);
        return new ProbabilitySlab(slab.First, slab.Count, _pass.Classes, width, height, probabilities);
    }
}
