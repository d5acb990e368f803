namespace PipelineSeg.Pipeline.Inference;

/// <summary>Averages the probabilities of several passes (an ensemble of models with the same classes and input), optionally weighted.</summary>
public sealed class EnsemblePass : IProbabilityPass
{
    private readonly IReadOnlyList<IProbabilityPass> _members;
    private readonly float[]? _weights;

    /// <summary>Averages <paramref name="members"/> (at least one, all with the same class count) with equal weights.</summary>
    public EnsemblePass(IReadOnlyList<IProbabilityPass> members)
        : this(members, null)
    {
    }

    /// <summary>
    /// Averages <paramref name="members"/> with <paramref name="weights"/> (one per member, ≥ 0, not all 0; normalised to sum
    /// 1); null: equal weights. A member of weight 0 is not run.
    /// </summary>
    public EnsemblePass(IReadOnlyList<IProbabilityPass> members, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0 || members.Any(m => m.Classes != members[0].Classes))
        {
            throw new ArgumentException("an ensemble needs at least one member and the same classes in every member", nameof(members));
        }
        if (weights is not null)
        {
            if (weights.Count != members.Count || weights.Any(w => !(w >= 0) || !double.IsFinite(w)) || !(weights.Sum() > 0))
            {
                throw new ArgumentException($"an ensemble of {members.Count} needs {members.Count} weights, each ≥ 0 and not all 0", nameof(weights));
            }
            var total = weights.Sum();
            _weights = [.. weights.Select(w => (float)(w / total))];
        }
        _members = members;
    }

    /// <inheritdoc />
    public int Classes => _members[0].Classes;

    /// <summary>The members that run, each with its normalised weight (equal weights when none were given).</summary>
    public IReadOnlyList<(IProbabilityPass Pass, double Weight)> WeightedMembers => _weights is null
        ? [.. _members.Select(m => (m, 1.0 / _members.Count))]
        : [.. _members.Select((m, i) => (m, (double)_weights[i])).Where(t => t.Item2 > 0)];

    /// <inheritdoc />
    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        if (_weights is not null)
        {
            RunWeighted(input, sliceCount, probabilities, cancellationToken);
            return;
        }
        _members[0].Run(input, sliceCount, probabilities, cancellationToken);
        if (_members.Count == 1)
        {
            return;
        }
        var scratch = new float[probabilities.Length];
        for (var m = 1; m < _members.Count; m++)
        {
            _members[m].Run(input, sliceCount, scratch, cancellationToken);
            System.Numerics.Tensors.TensorPrimitives.Add(probabilities, scratch, probabilities);
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(probabilities, 1f / _members.Count, probabilities);
    }

    private void RunWeighted(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
        var weights = _weights!;
        var first = Array.FindIndex(weights, w => w > 0);
        _members[first].Run(input, sliceCount, probabilities, cancellationToken);
        System.Numerics.Tensors.TensorPrimitives.Multiply(probabilities, weights[first], probabilities);
        float[]? scratch = null;
        for (var m = first + 1; m < _members.Count; m++)
        {
            if (weights[m] == 0)
            {
                continue;
            }
            scratch ??= new float[probabilities.Length];
            _members[m].Run(input, sliceCount, scratch, cancellationToken);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(scratch, weights[m], probabilities, probabilities);
        }
    }
}
