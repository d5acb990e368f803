using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>No smoothing (the default): each slab goes on as it came.</summary>
public sealed class PassThroughSmoother : ISlabSmoother
{
    /// <inheritdoc />
    public IReadOnlyList<ProbabilitySlab> Push(ProbabilitySlab slab) => [slab ?? throw new ArgumentNullException(nameof(slab))];

    /// <inheritdoc />
    public IReadOnlyList<ProbabilitySlab> Complete() => [];
}
