using System.Numerics.Tensors;

namespace PipelineSeg.Tensors.Operations;

/// <summary>Softmax along one dimension (for NCHW segmentation logits: dim 1, the classes).</summary>
public static class Softmax
{
    /// <summary>output = exp(x − max) / Σ exp(x − max) along <paramref name="dim"/>; output may be the input.</summary>
    public static unsafe void Forward(Tensor input, Tensor output, int dim)
    {
        ShapeChecks.SameLength("Softmax", input, output);
        var rank = input.Rank;
        var d = dim < 0 ? dim + rank : dim;
        if ((uint)d >= (uint)rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"Softmax: dimension {dim} out of range for {input}");
        }
        long outer = 1, inner = 1;
        for (var i = 0; i < d; i++)
        {
            outer *= input.Shape[i];
        }
        for (var i = d + 1; i < rank; i++)
        {
            inner *= input.Shape[i];
        }
        var classes = input.Shape[d];
        var src = (nint)input.Pointer;
        var dst = (nint)output.Pointer;
        const int Tile = 1024;
        var tiles = (int)((inner + Tile - 1) / Tile);
        PlaneParallel.For((int)outer * tiles, Math.Min(inner, Tile) * classes, job =>
        {
            var o = job / tiles;
            var start = (job % tiles) * (long)Tile;
            var count = (int)Math.Min(Tile, inner - start);
            var s = (float*)src + o * classes * inner + start;
            var t = (float*)dst + o * classes * inner + start;
            Span<float> max = stackalloc float[count];
            Span<float> sum = stackalloc float[count];
            new ReadOnlySpan<float>(s, count).CopyTo(max);
            for (var c = 1; c < classes; c++)
            {
                TensorPrimitives.Max(max, new ReadOnlySpan<float>(s + c * inner, count), max);
            }
            sum.Clear();
            for (var c = 0; c < classes; c++)
            {
                var row = new Span<float>(t + c * inner, count);
                TensorPrimitives.Subtract(new ReadOnlySpan<float>(s + c * inner, count), max, row);
                TensorPrimitives.Exp(row, row);
                TensorPrimitives.Add(sum, row, sum);
            }
            for (var c = 0; c < classes; c++)
            {
                var row = new Span<float>(t + c * inner, count);
                TensorPrimitives.Divide(row, sum, row);
            }
        });
    }
}
