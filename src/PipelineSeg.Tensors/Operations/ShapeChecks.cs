namespace PipelineSeg.Tensors.Operations;

/// <summary>Argument checks shared by the operations; messages name the operation and the shapes.</summary>
internal static class ShapeChecks
{
    public static (int N, int C, int H, int W) Nchw(string op, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"{op}: expected a 4-D NCHW tensor, got {input}");
        }
        return (input.Shape[0], input.Shape[1], input.Shape[2], input.Shape[3]);
    }

    public static void Output(string op, Tensor output, int n, int c, int h, int w)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.HasShape(n, c, h, w))
        {
            throw new ArgumentException($"{op}: output is {output}, expected Tensor[{n}, {c}, {h}, {w}]");
        }
    }

    public static void SameLength(string op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Shape.SequenceEqual(b.Shape))
        {
            throw new ArgumentException($"{op}: shapes differ: {a} and {b}");
        }
    }
}
