using System.Runtime.InteropServices;

namespace PipelineSeg.Tensors;

/// <summary>
/// A dense, contiguous float32 tensor (NCHW for images) on 64-byte-aligned native memory from a
/// <see cref="TensorPool"/>. Dispose it when done: the memory goes back to the pool. Views made with
/// <see cref="Reshape"/>, <see cref="Narrow"/> or <see cref="Share"/> keep the memory alive until they are disposed too.
/// </summary>
public sealed unsafe partial class Tensor : IDisposable
{
    private readonly int[] shape;
    private readonly long offset;
    private TensorStorage? storage;

    private Tensor(TensorStorage storage, long offset, int[] shape)
    {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        Length = checked((int)ElementCount(shape));
    }

    /// <summary>Sizes of the dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Shape => shape;

    /// <summary>Number of dimensions.</summary>
    public int Rank => shape.Length;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>True once this handle has been disposed.</summary>
    public bool IsDisposed => storage is null;

    /// <summary>The elements in C order.</summary>
    public Span<float> Span => new(Pointer, Length);

    /// <summary>Address of the first element (64-byte aligned unless this is a view with an offset).</summary>
    public float* Pointer => Storage.Pointer + offset;

    internal TensorStorage Storage => storage ?? throw new ObjectDisposedException(nameof(Tensor));

    /// <summary>Size of dimension <paramref name="dimension"/>; negative values count from the end as in PyTorch.</summary>
    public int Dim(int dimension) => shape[NormalizeDimension(dimension)];

    /// <summary>A new handle on the same elements with another shape of equal element count.</summary>
    public Tensor Reshape(params ReadOnlySpan<int> newShape)
    {
        var copy = newShape.ToArray();
        var minusOne = copy.AsSpan().IndexOf(-1);
        if (minusOne >= 0)
        {
            long known = 1;
            for (var i = 0; i < copy.Length; i++)
            {
                known *= i == minusOne ? 1 : copy[i];
            }
            copy[minusOne] = known == 0 ? 0 : (int)(Length / known);
        }
        if (ElementCount(copy) != Length)
        {
            throw new ArgumentException($"cannot reshape {this} to [{string.Join(", ", copy)}]", nameof(newShape));
        }
        Storage.AddReference();
        return new Tensor(Storage, offset, copy);
    }

    /// <summary>
    /// A view of <paramref name="length"/> entries of <paramref name="dimension"/> starting at <paramref name="start"/>,
    /// sharing memory. Only contiguous views are possible: every dimension before <paramref name="dimension"/> must
    /// have size 1 (e.g. a channel range of a batch-1 NCHW tensor, the way producers write into a concat buffer).
    /// </summary>
    public Tensor Narrow(int dimension, int start, int length)
    {
        var d = NormalizeDimension(dimension);
        if (start < 0 || length < 0 || start + length > shape[d])
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"range [{start}, {start + length}) outside dimension {d} of {this}");
        }
        for (var i = 0; i < d; i++)
        {
            if (shape[i] != 1)
            {
                throw new NotSupportedException($"Narrow({d}) of {this} would not be contiguous: dimension {i} has size {shape[i]}");
            }
        }
        long inner = 1;
        for (var i = d + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }
        var newShape = (int[])shape.Clone();
        newShape[d] = length;
        Storage.AddReference();
        return new Tensor(Storage, offset + start * inner, newShape);
    }

    /// <summary>Another handle on the same memory; each handle must be disposed.</summary>
    public Tensor Share()
    {
        Storage.AddReference();
        return new Tensor(Storage, offset, shape);
    }

    /// <summary>A deep copy on fresh pooled memory.</summary>
    public Tensor Clone()
    {
        var copy = Empty(shape);
        Span.CopyTo(copy.Span);
        return copy;
    }

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same element count.</summary>
    public void CopyTo(Tensor destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length != Length)
        {
            throw new ArgumentException($"cannot copy {this} into {destination}", nameof(destination));
        }
        Span.CopyTo(destination.Span);
    }

    /// <summary>The elements as a new managed array.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>True when both handles use the same memory block (one is a view or share of the other).</summary>
    public bool SharesStorageWith(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(storage, other.storage) && storage is not null;
    }

    /// <summary>True when both shapes are equal.</summary>
    public bool HasShape(params ReadOnlySpan<int> other) => Shape.SequenceEqual(other);

    /// <summary>Releases this handle; the memory returns to the pool when no other handle uses it.</summary>
    public void Dispose()
    {
        var s = Interlocked.Exchange(ref storage, null);
        s?.Release();
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor[{string.Join(", ", shape)}]";

    internal static long ElementCount(ReadOnlySpan<int> dims)
    {
        long n = 1;
        foreach (var d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"negative dimension in shape [{string.Join(", ", dims.ToArray())}]");
            }
            n *= d;
        }
        return n;
    }

    private int NormalizeDimension(int dimension)
    {
        var d = dimension < 0 ? dimension + shape.Length : dimension;
        if ((uint)d >= (uint)shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), $"dimension {dimension} out of range for {this}");
        }
        return d;
    }
}
