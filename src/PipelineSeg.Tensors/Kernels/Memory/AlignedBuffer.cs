using System.Runtime.InteropServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>Native 64-byte-aligned float memory that grows on demand; used for packed weights and scratch.</summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    private float* pointer;
    private long capacity;

    /// <summary>Creates a buffer of at least <paramref name="length"/> floats (zeroed).</summary>
    public AlignedBuffer(long length = 0)
    {
        if (length > 0)
        {
            Ensure(length);
        }
    }

    ~AlignedBuffer() => Free();

    /// <summary>Start of the memory; valid until the next <see cref="Ensure"/> that grows it.</summary>
    public float* Pointer => pointer;

    /// <summary>Capacity in floats.</summary>
    public long Capacity => capacity;

    /// <summary>Makes room for <paramref name="length"/> floats; old contents are not kept, new memory is zeroed.</summary>
    public float* Ensure(long length)
    {
        if (length > capacity)
        {
            Free();
            nuint bytes = (nuint)(length * sizeof(float));
            pointer = (float*)NativeMemory.AlignedAlloc(bytes, 64);
            NativeMemory.Clear(pointer, bytes);
            capacity = length;
            GC.AddMemoryPressure((long)bytes);
        }
        return pointer;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (pointer != null)
        {
            NativeMemory.AlignedFree(pointer);
            GC.RemoveMemoryPressure(capacity * sizeof(float));
            pointer = null;
            capacity = 0;
        }
    }
}
