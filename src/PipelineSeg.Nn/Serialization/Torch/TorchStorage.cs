using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace PipelineSeg.Nn;

/// <summary>One storage of a torch file: its element type and where its little-endian bytes are. The bytes are read on
/// first use (a zip entry or a slice of a legacy file); legacy view storages share their root's bytes at an offset.</summary>
internal sealed class TorchStorage(TorchScalarType scalarType, string key, long elementCount, Func<byte[]> load, long elementOffset = 0)
{
    private byte[]? bytes;

    public TorchScalarType ScalarType { get; } = scalarType;

    public string Key { get; } = key;

    public long ElementCount { get; } = elementCount;

    public static int ElementSize(TorchScalarType type) => type switch
    {
        TorchScalarType.Float64 or TorchScalarType.Int64 => 8,
        TorchScalarType.Float32 or TorchScalarType.Int32 => 4,
        TorchScalarType.Float16 or TorchScalarType.BFloat16 or TorchScalarType.Int16 => 2,
        _ => 1,
    };

    /// <summary>A view onto this storage starting <paramref name="offset"/> elements in (legacy format).</summary>
    public TorchStorage View(string viewKey, long offset, long count) =>
        new(ScalarType, viewKey, count, Bytes, elementOffset + offset);

    /// <summary>Converts <paramref name="destination"/>.Length consecutive elements from <paramref name="index"/> to float32.</summary>
    public void CopyContiguous(long index, Span<float> destination)
    {
        var size = ElementSize(ScalarType);
        var bytes = Bytes().AsSpan(checked((int)((elementOffset + index) * size)), checked(destination.Length * size));
        switch (ScalarType)
        {
            case TorchScalarType.Float32 when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
                break;
            case TorchScalarType.Float16 when BitConverter.IsLittleEndian:
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), destination);
                break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = Read(index + i);
                }
                break;
        }
    }

    /// <summary>Element <paramref name="index"/> as float32.</summary>
    public float Read(long index)
    {
        var size = ElementSize(ScalarType);
        var at = checked((int)((elementOffset + index) * size));
        var b = Bytes().AsSpan(at, size);
        return ScalarType switch
        {
            TorchScalarType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(b),
            TorchScalarType.Float16 => (float)BinaryPrimitives.ReadHalfLittleEndian(b),
            TorchScalarType.BFloat16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16),
            TorchScalarType.Float64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(b),
            TorchScalarType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(b),
            TorchScalarType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(b),
            TorchScalarType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(b),
            TorchScalarType.Int8 => (sbyte)b[0],
            _ => b[0],
        };
    }

    private byte[] Bytes()
    {
        if (bytes is null)
        {
            var loaded = load();
            var needed = (elementOffset + ElementCount) * ElementSize(ScalarType);
            if (loaded.LongLength < needed)
            {
                throw new InvalidDataException($"storage '{Key}' holds {loaded.LongLength} bytes, {needed} needed for {ElementCount} {ScalarType} element(s)");
            }
            bytes = loaded;
        }
        return bytes;
    }
}
