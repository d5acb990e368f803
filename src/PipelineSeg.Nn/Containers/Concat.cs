using PipelineSeg.Tensors;

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
    public static Tensor Cat(ReadOnlySpan<Tensor> inputs, int dim = 1)
    {
        if (inputs.Length == 0)
        {
            throw new ArgumentException("Concat: no inputs", nameof(inputs));
        }
        var first = inputs[0];
        var rank = first.Rank;
        var d = dim < 0 ? dim + rank : dim;
        if ((uint)d >= (uint)rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"Concat: dimension {dim} out of range for {first}");
        }
        var shape = first.Shape.ToArray();
        shape[d] = 0;
        foreach (var t in inputs)
        {
            for (var i = 0; i < rank; i++)
            {
                if (t.Rank != rank || (i != d && t.Shape[i] != first.Shape[i]))
                {
                    throw new ArgumentException($"Concat: {t} does not match {first} outside dimension {d}", nameof(inputs));
                }
            }
            shape[d] += t.Shape[d];
        }
        long outer = 1, inner = 1;
        for (var i = 0; i < d; i++)
        {
            outer *= shape[i];
        }
        for (var i = d + 1; i < rank; i++)
        {
            inner *= shape[i];
        }
        var output = Tensor.Empty(shape);
        var dst = output.Span;
        var rowLength = shape[d] * inner;
        long offset = 0;
        foreach (var t in inputs)
        {
            var block = t.Shape[d] * inner;
            var src = t.Span;
            for (long o = 0; o < outer; o++)
            {
                src.Slice((int)(o * block), (int)block).CopyTo(dst.Slice((int)(o * rowLength + offset), (int)block));
            }
            offset += block;
        }
        return output;
    }
}
