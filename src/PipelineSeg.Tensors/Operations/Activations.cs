using System.Numerics;
using System.Numerics.Tensors;

namespace PipelineSeg.Tensors.Operations;

/// <summary>Element-wise activations (SIMD through TensorPrimitives / Vector&lt;T&gt;); source and destination may be the same tensor.</summary>
public static class Activations
{
    /// <summary>max(x, 0).</summary>
    public static void Relu(Tensor source, Tensor destination)
    {
        ShapeChecks.SameLength("ReLU", source, destination);
        Chunked(source, destination, static (s, d) => TensorPrimitives.Max(s, 0f, d));
    }

    /// <summary>x ≥ 0 ? x : slope·x.</summary>
    public static void LeakyRelu(Tensor source, Tensor destination, float negativeSlope)
    {
        ShapeChecks.SameLength("LeakyReLU", source, destination);
        Chunked(source, destination, (s, d) => LeakyRelu(s, d, negativeSlope));
    }

    /// <summary>1 / (1 + e^-x).</summary>
    public static void Sigmoid(Tensor source, Tensor destination)
    {
        ShapeChecks.SameLength("Sigmoid", source, destination);
        Chunked(source, destination, static (s, d) => TensorPrimitives.Sigmoid(s, d));
    }

    /// <summary>tanh(x).</summary>
    public static void Tanh(Tensor source, Tensor destination)
    {
        ShapeChecks.SameLength("Tanh", source, destination);
        Chunked(source, destination, static (s, d) => TensorPrimitives.Tanh(s, d));
    }

    /// <summary>destination = a + b (same shapes).</summary>
    public static void Add(Tensor a, Tensor b, Tensor destination)
    {
        ShapeChecks.SameLength("Add", a, b);
        ShapeChecks.SameLength("Add", a, destination);
        TensorPrimitives.Add(a.Span, b.Span, destination.Span);
    }

    /// <summary>Leaky ReLU over spans; the portable Vector&lt;T&gt; path covers every instruction set.</summary>
    public static void LeakyRelu(ReadOnlySpan<float> source, Span<float> destination, float negativeSlope)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            var slope = new Vector<float>(negativeSlope);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var x = new Vector<float>(source[i..]);
                Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), x, x * slope).CopyTo(destination[i..]);
            }
        }
        for (; i < source.Length; i++)
        {
            var x = source[i];
            destination[i] = x >= 0 ? x : x * negativeSlope;
        }
    }

    /// <summary>Large tensors are processed in slices on several threads.</summary>
    private static unsafe void Chunked(Tensor source, Tensor destination, SpanAction action)
    {
        const int Slice = 1 << 16;
        var length = source.Length;
        var slices = (length + Slice - 1) / Slice;
        var src = (nint)source.Pointer;
        var dst = (nint)destination.Pointer;
        PlaneParallel.For(slices, Slice, i =>
        {
            var start = i * Slice;
            var count = Math.Min(Slice, length - start);
            action(new ReadOnlySpan<float>((float*)src + start, count), new Span<float>((float*)dst + start, count));
        });
    }

    private delegate void SpanAction(ReadOnlySpan<float> source, Span<float> destination);
}
