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
}
