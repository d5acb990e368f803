using System.Runtime.InteropServices;

namespace PipelineSeg.Tensors;

/// <summary>
/// A reference-counted block of 64-byte-aligned native memory holding 32-bit elements. Tensors and views share one
/// storage; the last release hands it back to its pool (or frees it when it has none).
/// </summary>
internal sealed unsafe class TensorStorage
{
    private int referenceCount = 1;

    internal TensorStorage(TensorPool? pool, long capacity)
    {
        Pool = pool;
        Capacity = capacity;
        Pointer = (float*)NativeMemory.AlignedAlloc((nuint)(capacity * sizeof(float)), TensorPool.Alignment);
    }

    /// <summary>Start of the block; 64-byte aligned.</summary>
    internal float* Pointer { get; private set; }

    /// <summary>Size of the block in 4-byte elements.</summary>
    internal long Capacity { get; }

    internal TensorPool? Pool { get; }

    /// <summary>Called by the pool when it hands this storage out again.</summary>
    internal void Revive() => Volatile.Write(ref referenceCount, 1);

    internal void AddReference()
    {
        if (Interlocked.Increment(ref referenceCount) <= 1)
        {
            throw new ObjectDisposedException(nameof(Tensor), "tensor storage was already released");
        }
    }

    internal void Release()
    {
        var left = Interlocked.Decrement(ref referenceCount);
        if (left == 0)
        {
            if (Pool is null || !Pool.Return(this))
            {
                Free();
            }
        }
        else if (left < 0)
        {
            throw new InvalidOperationException("tensor storage released more often than referenced");
        }
    }

    internal void Free()
    {
        if (Pointer != null)
        {
            NativeMemory.AlignedFree(Pointer);
            Pointer = null;
        }
    }
}
