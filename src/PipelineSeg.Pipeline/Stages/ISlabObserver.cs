using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// Sees each smoothed probability slab while it still exists (on the pipeline's side thread, in slice order), for figures that need
/// the probabilities rather than the labels, e.g. a threshold sweep against ground truth. Must not keep the slab: its
/// arrays are reused once the observers have returned.
/// </summary>
public interface ISlabObserver
{
    /// <summary>Takes what it needs from the slices of <paramref name="slab"/>.</summary>
    void Add(ProbabilitySlab slab, CancellationToken cancellationToken);
}
