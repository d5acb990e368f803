using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// Runs each member of a deterministic combination separately (the four test-time flips, or the ensemble's models) and
/// returns their weighted mean as the probabilities, with the per-voxel disagreement between them as the spread (weighted
/// population std per class, the map uncertainty.dcm holds) and the chosen uncertainty measure, as Monte-Carlo passes do.
/// </summary>
public sealed class DisagreementRunner : IInferenceRunner
{
    private readonly IReadOnlyList<(IProbabilityPass Pass, double Weight)> _members;
    private readonly UncertaintyMeasure _measure;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Members with positive weights (normalised here), at least two, all with the same classes.</summary>
    public DisagreementRunner(IReadOnlyList<(IProbabilityPass Pass, double Weight)> members, UncertaintyMeasure measure, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2 || members.Any(m => m.Pass is null || !(m.Weight > 0) || !double.IsFinite(m.Weight)) || members.Any(m => m.Pass.Classes != members[0].Pass.Classes))
        {
            throw new ArgumentException("disagreement needs at least two members with positive weights and the same classes", nameof(members));
        }
        var total = members.Sum(m => m.Weight);
        _members = [.. members.Select(m => (m.Pass, m.Weight / total))];
        (_measure, _width, _height) = (measure, width, height);
    }

    /// <summary>Members that run.</summary>
    public int MemberCount => _members.Count;

    /// <inheritdoc />
    public ProbabilitySlab Run(ModelInputSlab slab, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slab);
        var plane = _width * _height;
        var classes = _members[0].Pass.Classes;
        var accumulator = new MonteCarloAccumulator(slab.Count, classes, plane, sampleEntropies: _measure == UncertaintyMeasure.MutualInformation);
        var sample = new float[slab.Count * classes * plane];
        foreach (var (pass, weight) in _members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pass.Run(slab.Input, slab.Count, sample, cancellationToken);
            accumulator.Add(sample, weight);
        }
        var mean = new float[sample.Length];
        var uncertainty = new float[slab.Count * plane];
        accumulator.Write(mean, uncertainty, _measure);
        var spread = new float[sample.Length];
        accumulator.WriteSpread(spread);
        return new ProbabilitySlab(slab.First, slab.Count, classes, _width, _height, mean, uncertainty, spread);
    }
}
