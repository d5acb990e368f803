using System.Buffers;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace PipelineSeg.Dicom;

/// <summary>Bytes of a file: a pooled array, a plain array, or a read-only memory map. Disposing releases them.</summary>
internal abstract class FileBuffer : IDisposable
{
    /// <summary>The bytes.</summary>
    public abstract ReadOnlyMemory<byte> Memory { get; }

    /// <inheritdoc />
    public abstract void Dispose();

    /// <summary>Reads the first <paramref name="count"/> bytes (or all when the file is shorter) into a new array.</summary>
    public static FileBuffer ReadPrefix(SafeFileHandle handle, long fileLength, int count)
    {
        var length = (int)Math.Min(count, fileLength);
        var bytes = new byte[length];
        ReadExactly(handle, bytes);
        return new ArrayBuffer(bytes, length, pooled: false);
    }

    /// <summary>Reads the whole file into a pooled array, or maps it when it is large.</summary>
    public static FileBuffer ReadAll(SafeFileHandle handle, long length, string path, long memoryMapThreshold)
    {
        if (length > int.MaxValue)
        {
            throw new DicomFormatException($"file of {length} bytes exceeds the 2 GiB supported", path, null, null);
        }
        if (length >= memoryMapThreshold && length > 0)
        {
            return new MappedBuffer(handle, length);
        }
        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        ReadExactly(handle, bytes.AsSpan(0, (int)length));
        return new ArrayBuffer(bytes, (int)length, pooled: true);
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = RandomAccess.Read(handle, destination[done..], done);
            if (n <= 0)
            {
                throw new EndOfStreamException("file shrank while being read");
            }
            done += n;
        }
    }

    /// <summary>Wraps bytes the caller owns.</summary>
    public static FileBuffer Wrap(ReadOnlyMemory<byte> memory) => new MemoryWrapper(memory);

    private sealed class ArrayBuffer(byte[] bytes, int length, bool pooled) : FileBuffer
    {
        private byte[]? _bytes = bytes;

        public override ReadOnlyMemory<byte> Memory =>
            _bytes is { } b ? b.AsMemory(0, length) : throw new ObjectDisposedException(nameof(DicomFile));

        public override void Dispose()
        {
            var b = Interlocked.Exchange(ref _bytes, null);
            if (b is not null && pooled)
            {
                ArrayPool<byte>.Shared.Return(b);
            }
        }
    }

    private sealed class MemoryWrapper(ReadOnlyMemory<byte> memory) : FileBuffer
    {
        public override ReadOnlyMemory<byte> Memory => memory;

        public override void Dispose()
        {
        }
    }

    private sealed unsafe class MappedBuffer : FileBuffer
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;
        private readonly UnmanagedMemoryManager _manager;
        private byte* _pointer;

        public MappedBuffer(SafeFileHandle handle, long length)
        {
            _file = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _pointer);
            _manager = new UnmanagedMemoryManager(_pointer + _view.PointerOffset, (int)length);
        }

        public override ReadOnlyMemory<byte> Memory => _manager.Memory;

        public override void Dispose()
        {
            if (_pointer != null)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _pointer = null;
            }
            _view.Dispose();
            _file.Dispose();
        }
    }
}
