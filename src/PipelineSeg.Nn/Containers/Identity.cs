using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Identity: returns its input (as a shared handle the caller disposes).</summary>
public sealed class Identity : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Share();
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor) => true;
}
