namespace PipelineSeg.Pipeline.Inference;

/// <summary>Averages the probabilities of several passes (an ensemble of models with the same classes and input).</summary>
public sealed class EnsemblePass : IProbabilityPass
{
    private readonly IReadOnlyList<IProbabilityPass> _members;

    /// <summary>Averages <paramref name="members"/> (at least one, all with the same class count).</summary>
    public EnsemblePass(IReadOnlyList<IProbabilityPass> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0 || members.Any(m => m.Classes != members[0].Classes))
        {
            throw new ArgumentException("an ensemble needs at least one member and the same classes in every member", nameof(members));
        }
        _members = members;
    }

    /// <inheritdoc />
    public int Classes => _members[0].Classes;

    /// <inheritdoc />
    public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
    {
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
}
