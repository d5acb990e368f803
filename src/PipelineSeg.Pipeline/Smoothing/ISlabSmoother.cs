using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Smoothing;

/// <summary>
/// The smoothing stage along z: probability slabs go in in slice order, smoothed slabs come out in slice order, later
/// when the smoother needs the next slices first. Only a window of slices is held, never the volume.
/// </summary>
public interface ISlabSmoother
{
    /// <summary>Takes the next slab; returns the slabs that are now complete (possibly none).</summary>
    IReadOnlyList<ProbabilitySlab> Push(ProbabilitySlab slab);

    /// <summary>The series has ended: returns what is still held.</summary>
    IReadOnlyList<ProbabilitySlab> Complete();
}
