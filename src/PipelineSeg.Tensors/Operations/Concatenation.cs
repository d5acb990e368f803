namespace PipelineSeg.Tensors.Operations;

/// <summary>torch.cat: joins tensors along one dimension; blocks are copied on several threads.</summary>
public static class Concatenation
{
    /// <summary>Joins <paramref name="inputs"/> along <paramref name="dim"/> into a new tensor.</summary>
    public static unsafe Tensor Cat(ReadOnlySpan<Tensor> inputs, int dim = 1)
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
        var sources = new nint[inputs.Length];
        var blocks = new long[inputs.Length];
        long inner = 1, outer = 1;
        for (var i = d + 1; i < rank; i++)
        {
            inner *= first.Shape[i];
        }
        for (var i = 0; i < d; i++)
        {
            outer *= first.Shape[i];
        }
        for (var k = 0; k < inputs.Length; k++)
        {
            var t = inputs[k];
            for (var i = 0; i < rank; i++)
            {
                if (t.Rank != rank || (i != d && t.Shape[i] != first.Shape[i]))
                {
                    throw new ArgumentException($"Concat: {t} does not match {first} outside dimension {d}", nameof(inputs));
                }
            }
            shape[d] += t.Shape[d];
            sources[k] = (nint)t.Pointer;
            blocks[k] = t.Shape[d] * inner;
        }
        var output = Tensor.Empty(shape);
        var destination = (nint)output.Pointer;
        var row = shape[d] * inner;
        var count = inputs.Length;
        PlaneParallel.For((int)outer * count, row / count, job =>
        {
            var o = job / count;
            var k = job % count;
            long offset = 0;
            for (var j = 0; j < k; j++)
            {
                offset += blocks[j];
            }
            Buffer.MemoryCopy((float*)sources[k] + o * blocks[k], (float*)destination + o * row + offset,
                blocks[k] * sizeof(float), blocks[k] * sizeof(float));
        });
        return output;
    }
}
