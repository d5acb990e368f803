using System.Numerics;

namespace PipelineSeg.Tensors;

/// <summary>
/// Recycles the native buffers behind tensors so that a forward pass in steady state allocates neither native nor
/// managed memory. Requests are rounded up to a size class (at most 25 % larger) and served from a free list of that
/// class; buffers come back when the last tensor using them is disposed. Thread-safe.
/// </summary>
public sealed class TensorPool : IDisposable
{
    /// <summary>Byte alignment of every buffer (one AVX-512 register, one cache line).</summary>
    public const int Alignment = 64;

    private readonly Dictionary<long, Stack<TensorStorage>> free = [];
    private readonly Lock gate = new();
    private long allocatedElements;
    private long pooledElements;
    private bool disposed;

    /// <summary>The process-wide pool used by <see cref="Tensor.Empty(ReadOnlySpan{int})"/> and friends.</summary>
    public static TensorPool Shared { get; } = new();

    /// <summary>Bytes of native memory this pool has allocated and not yet freed (in use or free).</summary>
    public long AllocatedBytes => Interlocked.Read(ref allocatedElements) * sizeof(float);

    /// <summary>
    /// Idle memory the pool keeps at most (default 2 GiB); buffers released beyond it are freed, so a service that
    /// meets many different input sizes does not hoard memory.
    /// </summary>
    public long MaxPooledBytes { get; set; } = 2L << 30;

    /// <summary>Bytes currently sitting idle in the free lists.</summary>
    public long PooledBytes => Interlocked.Read(ref pooledElements) * sizeof(float);

    /// <summary>Frees every idle buffer (buffers in use are freed when their tensors are disposed).</summary>
    public void Trim()
    {
        lock (gate)
        {
            foreach (var stack in free.Values)
            {
                while (stack.TryPop(out var storage))
                {
                    storage.Free();
                    allocatedElements -= storage.Capacity;
                    pooledElements -= storage.Capacity;
                }
            }
        }
    }

    /// <summary>Frees the idle buffers; buffers still in use are freed instead of pooled when released.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }
        Trim();
    }

    internal TensorStorage Rent(long elements)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elements);
        var size = SizeClass(elements);
        lock (gate)
        {
            if (!disposed && free.TryGetValue(size, out var stack) && stack.TryPop(out var storage))
            {
                pooledElements -= size;
                storage.Revive();
                return storage;
            }
            allocatedElements += size;
        }
        return new TensorStorage(this, size);
    }

    /// <summary>Takes a released storage back; false when the pool is disposed and the caller must free it.</summary>
    internal bool Return(TensorStorage storage)
    {
        lock (gate)
        {
            if (disposed || (pooledElements + storage.Capacity) * sizeof(float) > MaxPooledBytes)
            {
                allocatedElements -= storage.Capacity;
                return false;
            }
            if (!free.TryGetValue(storage.Capacity, out var stack))
            {
                stack = new Stack<TensorStorage>();
                free.Add(storage.Capacity, stack);
            }
            stack.Push(storage);
            pooledElements += storage.Capacity;
            return true;
        }
    }

    /// <summary>Rounds up to 64 elements below 4,096 and to a quarter step of the next power of two above.</summary>
    internal static long SizeClass(long elements)
    {
        if (elements <= 4096)
        {
            return Math.Max(64, (elements + 63) & ~63L);
        }
        var high = 1L << (63 - BitOperations.LeadingZeroCount((ulong)(elements - 1)));
        var step = high / 4;
        return (elements + step - 1) / step * step;
    }
}
