using System.Numerics;

namespace PipelineSeg.Tensors.Operations;

/// <summary>Small SIMD helpers TensorPrimitives lacks; Vector&lt;T&gt; keeps them portable (and scalar when SIMD is off).</summary>
internal static class VectorMath
{
    /// <summary>destination = source · scale + shift (source and destination may alias exactly).</summary>
    public static void Affine(ReadOnlySpan<float> source, float scale, float shift, Span<float> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<float>(scale);
            var b = new Vector<float>(shift);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(source[i..]) * a + b).CopyTo(destination[i..]);
            }
        }
        for (; i < source.Length; i++)
        {
            destination[i] = source[i] * scale + shift;
        }
    }

    /// <summary>Σ x: SIMD float partial sums over blocks of 1,024, accumulated in double.</summary>
    public static double Sum(ReadOnlySpan<float> source)
    {
        double total = 0;
        for (var start = 0; start < source.Length; start += Block)
        {
            total += System.Numerics.Tensors.TensorPrimitives.Sum(source.Slice(start, Math.Min(Block, source.Length - start)));
        }
        return total;
    }

    /// <summary>Σ (x − mean)²: SIMD float partial sums over blocks of 1,024, accumulated in double.</summary>
    public static double SumOfSquaredDeviations(ReadOnlySpan<float> source, float mean)
    {
        double total = 0;
        for (var start = 0; start < source.Length; start += Block)
        {
            var block = source.Slice(start, Math.Min(Block, source.Length - start));
            var i = 0;
            var partial = 0f;
            if (Vector.IsHardwareAccelerated)
            {
                var m = new Vector<float>(mean);
                var acc = Vector<float>.Zero;
                for (; i <= block.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    var dv = new Vector<float>(block[i..]) - m;
                    acc += dv * dv;
                }
                partial = Vector.Sum(acc);
            }
            for (; i < block.Length; i++)
            {
                var dv = block[i] - mean;
                partial += dv * dv;
            }
            total += partial;
        }
        return total;
    }

    private const int Block = 1024;
}
