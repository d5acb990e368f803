namespace PipelineSeg.Tensors;

public sealed partial class Tensor
{
    /// <summary>An uninitialized tensor from the shared pool.</summary>
    public static Tensor Empty(params ReadOnlySpan<int> shape) => Empty(TensorPool.Shared, shape);

    /// <summary>An uninitialized tensor from <paramref name="pool"/>.</summary>
    public static Tensor Empty(TensorPool pool, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var dims = shape.ToArray();
        var storage = pool.Rent(ElementCount(dims));
        return new Tensor(storage, 0, dims);
    }

    /// <summary>A tensor of zeros from the shared pool.</summary>
    public static Tensor Zeros(params ReadOnlySpan<int> shape)
    {
        var t = Empty(shape);
        t.Span.Clear();
        return t;
    }

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params ReadOnlySpan<int> shape)
    {
        var t = Empty(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> (C order) with the given shape.</summary>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromSpan(data, shape);
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> (C order) with the given shape.</summary>
    public static Tensor FromSpan(ReadOnlySpan<float> data, ReadOnlySpan<int> shape)
    {
        if (ElementCount(shape) != data.Length)
        {
            throw new ArgumentException(
                $"{data.Length} elements do not fill shape [{string.Join(", ", shape.ToArray())}]", nameof(data));
        }
        var t = Empty(shape);
        data.CopyTo(t.Span);
        return t;
    }
}
