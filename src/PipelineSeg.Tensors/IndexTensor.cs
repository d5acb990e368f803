namespace PipelineSeg.Tensors;

/// <summary>
/// Positions chosen by max pooling (PyTorch's <c>return_indices</c>): for every output element, the flat index
/// of the winning element inside its input plane (H×W), as PyTorch stores them. int32 on pooled native memory.
/// </summary>
public sealed unsafe class IndexTensor : IDisposable
{
    private readonly int[] shape;
    private TensorStorage? storage;

    private IndexTensor(TensorStorage storage, int[] shape)
    {
        this.storage = storage;
        this.shape = shape;
        Length = checked((int)Tensor.ElementCount(shape));
    }

    /// <summary>Sizes of the dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Shape => shape;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Address of the first index.</summary>
    public int* Pointer => (int*)(storage ?? throw new ObjectDisposedException(nameof(IndexTensor))).Pointer;

    /// <summary>The indices in C order.</summary>
    public Span<int> Span => new(Pointer, Length);

    /// <summary>An uninitialized index tensor from the shared pool.</summary>
    public static IndexTensor Empty(params ReadOnlySpan<int> shape)
    {
        var dims = shape.ToArray();
        return new IndexTensor(TensorPool.Shared.Rent(Tensor.ElementCount(dims)), dims);
    }

    /// <summary>The indices widened to int64, PyTorch's index type.</summary>
    public long[] ToInt64Array()
    {
        var span = Span;
        var result = new long[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            result[i] = span[i];
        }
        return result;
    }

    /// <summary>Returns the memory to the pool.</summary>
    public void Dispose() => Interlocked.Exchange(ref storage, null)?.Release();

    /// <inheritdoc />
    public override string ToString() => $"IndexTensor[{string.Join(", ", shape)}]";
}
