using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>
/// torch.cat as a module (default: channels, dim 1). To avoid the copy altogether, allocate the concat tensor first and
/// let producers write into channel ranges of it: <c>layer.ForwardInto(x, cat.Narrow(1, offset, channels))</c>.
/// </summary>
public sealed class Concat(int dim = 1) : Module
{
    /// <summary>The dimension joined along.</summary>
    public int Dim { get; } = dim;

    /// <summary>Joins the inputs along <see cref="Dim"/>; all other dimensions must agree.</summary>
    public Tensor Forward(params ReadOnlySpan<Tensor> inputs) => Cat(inputs, Dim);

    /// <summary>Joins <paramref name="inputs"/> along <paramref name="dim"/> into a new tensor.</summary>
    public static Tensor Cat(ReadOnlySpan<Tensor> inputs, int dim = 1) => Concatenation.Cat(inputs, dim);
}
