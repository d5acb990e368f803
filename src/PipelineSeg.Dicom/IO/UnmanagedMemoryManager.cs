using System.Buffers;

namespace PipelineSeg.Dicom;

/// <summary>Exposes a memory-mapped range as <see cref="Memory{T}"/> so mapped and pooled files share one code path.</summary>
internal sealed unsafe class UnmanagedMemoryManager(byte* pointer, int length) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => new(pointer, length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
