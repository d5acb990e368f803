using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// Sees each smoothed probability slab while it still exists (the labelling task, in slice order), for figures that need
/// the probabilities rather than the labels, e.g. a threshold sweep against ground truth. Must not keep the slab.
/// </summary>
public interface ISlabObserver
{
    /// <summary>Takes what it needs from the slices of <paramref name="slab"/>.</summary>
    void Add(ProbabilitySlab slab, CancellationToken cancellationToken);
}
