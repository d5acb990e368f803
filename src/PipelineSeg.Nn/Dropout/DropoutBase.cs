using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>
/// Shared by Dropout and Dropout2d: identity in eval mode, unless Monte-Carlo dropout was enabled (then active with a
/// seeded generator, reproducible run to run); active in training mode.
/// </summary>
public abstract class DropoutBase : Module
{
    private Random? random;

    /// <summary>Checks p ∈ [0, 1].</summary>
    private protected DropoutBase(float p)
    {
        if (p is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability {p} is not in [0, 1]");
        }
        P = p;
    }

    /// <summary>Probability of zeroing an element (or channel).</summary>
    public float P { get; }

    /// <summary>True when Monte-Carlo dropout is on for this layer.</summary>
    public bool MonteCarlo => random is not null && !Training;

    /// <summary>True when the layer drops anything in the current mode.</summary>
    public bool Active => (Training || random is not null) && P > 0;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Active)
        {
            return input.Share();
        }
        var output = input.Clone();
        Drop(output, Generator());
        return output;
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor)
    {
        if (Active)
        {
            Drop(tensor, Generator());
        }
        return true;
    }

    /// <summary>Zeroes elements (or channels) with probability P and scales the rest by 1/(1−P).</summary>
    private protected abstract void Drop(Tensor tensor, Random generator);

    internal void SetMonteCarlo(int? seed) => random = seed is null ? null : new Random(seed.Value);

    private Random Generator() => random ??= new Random();
}
