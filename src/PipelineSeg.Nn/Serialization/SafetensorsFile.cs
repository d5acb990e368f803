using System.IO.MemoryMappedFiles;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tensor = PipelineSeg.Tensors.Tensor;

namespace PipelineSeg.Nn;

/// <summary>
/// A memory-mapped .safetensors file (8-byte little-endian header length, JSON header, raw little-endian data).
/// Tensors are converted to float32 straight from the mapping (F32, F16, BF16), never read whole into memory.
/// </summary>
public sealed unsafe class SafetensorsFile : IDisposable, ITensorSource
{
    private readonly MemoryMappedFile? mapping;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* data;
    private readonly Dictionary<string, SafetensorsEntry> entries;
    private bool disposed;

    private SafetensorsFile(string path, MemoryMappedFile? mapping, MemoryMappedViewAccessor? view, byte* data,
        Dictionary<string, SafetensorsEntry> entries, Dictionary<string, string> metadata)
    {
        Path = path;
        this.mapping = mapping;
        this.view = view;
        this.data = data;
        this.entries = entries;
        Metadata = metadata;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Tensors in header order.</summary>
    public IReadOnlyCollection<SafetensorsEntry> Entries => entries.Values;

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    string ITensorSource.Name => Path;

    IEnumerable<string> ITensorSource.Keys => entries.Keys;

    /// <summary>Opens and validates the header; the data stays mapped until disposal.</summary>
    /// <exception cref="InvalidDataException">The header is malformed; the message names the file and the cause.</exception>
    public static SafetensorsFile Open(string path)
    {
        var length = new FileInfo(path).Length;
        if (length < 8)
        {
            throw new InvalidDataException($"{path}: not a safetensors file ({length} bytes, no header)");
        }
        var mapping = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            start += view.PointerOffset;
            var headerLength = *(long*)start;
            if (headerLength <= 0 || headerLength > length - 8)
            {
                throw new InvalidDataException($"{path}: header length {headerLength} does not fit a {length}-byte file");
            }
            var (entries, metadata) = SafetensorsHeader.Parse(path, new ReadOnlySpan<byte>(start + 8, (int)headerLength), length - 8 - headerLength);
            return new SafetensorsFile(path, mapping, view, start + 8 + headerLength, entries, metadata);
        }
        catch
        {
            if (view is not null)
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
                view.Dispose();
            }
            mapping.Dispose();
            throw;
        }
    }

    /// <summary>The header entry for <paramref name="name"/>.</summary>
    public SafetensorsEntry this[string name] => entries.TryGetValue(name, out var e)
        ? e
        : throw new KeyNotFoundException($"{Path}: no tensor named '{name}'");

    /// <summary>True when the file holds <paramref name="name"/>.</summary>
    public bool Contains(string name) => entries.ContainsKey(name);

    /// <summary>Reads a tensor as float32 into a new pooled tensor.</summary>
    public Tensor ReadTensor(string name)
    {
        var entry = this[name];
        var tensor = Tensor.Empty(entry.Shape);
        CopyTo(name, tensor.Span);
        return tensor;
    }

    /// <summary>Converts a tensor to float32 into <paramref name="destination"/>.</summary>
    public void CopyTo(string name, Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var e = this[name];
        if (destination.Length != e.ElementCount)
        {
            throw new ArgumentException($"{Path}: '{name}' has {e.ElementCount} elements, destination {destination.Length}", nameof(destination));
        }
        var bytes = new ReadOnlySpan<byte>(data + e.Begin, checked((int)(e.End - e.Begin)));
        switch (e.DataType)
        {
            case "F32":
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
                break;
            case "F16":
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), destination);
                break;
            case "BF16":
                var raw = MemoryMarshal.Cast<byte, ushort>(bytes);
                var bits = MemoryMarshal.Cast<float, uint>(destination);
                for (var i = 0; i < raw.Length; i++)
                {
                    bits[i] = (uint)raw[i] << 16;
                }
                break;
            case "F64":
                var doubles = MemoryMarshal.Cast<byte, double>(bytes);
                for (var i = 0; i < doubles.Length; i++)
                {
                    destination[i] = (float)doubles[i];
                }
                break;
            default:
                throw new InvalidDataException($"{Path}: tensor '{name}' has dtype {e.DataType}; only F32, F16, BF16 and F64 can be loaded as float32");
        }
    }

    int[] ITensorSource.Shape(string key) => this[key].Shape;

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        view?.SafeMemoryMappedViewHandle.ReleasePointer();
        view?.Dispose();
        mapping?.Dispose();
    }
}
