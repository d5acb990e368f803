using System.Runtime.InteropServices;

namespace PipelineSeg.Tensors;

/// <summary>An array read from a .npy file: element type, shape and the raw little-endian bytes in C order.</summary>
public sealed class NpyArray
{
    private readonly byte[] data;
    private readonly int[] shape;

    /// <summary>Wraps raw bytes; <paramref name="data"/> must hold exactly shape-product elements of <paramref name="dataType"/>.</summary>
    public NpyArray(NpyDataType dataType, int[] shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        var expected = Tensor.ElementCount(shape) * NpyFile.ElementSize(dataType);
        if (expected != data.Length)
        {
            throw new ArgumentException($"{data.Length} bytes do not fit {dataType} [{string.Join(", ", shape)}] ({expected} bytes)", nameof(data));
        }
        DataType = dataType;
        this.shape = shape;
        this.data = data;
    }

    /// <summary>Element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>Dimensions, outermost first (empty for a scalar).</summary>
    public ReadOnlySpan<int> Shape => shape;

    /// <summary>Number of elements.</summary>
    public int Length => (int)Tensor.ElementCount(shape);

    /// <summary>The raw little-endian bytes.</summary>
    public ReadOnlySpan<byte> Bytes => data;

    /// <summary>The elements as float32; throws unless the file held float32.</summary>
    public ReadOnlySpan<float> AsFloat32() => MemoryMarshal.Cast<byte, float>(Expect(NpyDataType.Float32));

    /// <summary>The elements as int64; throws unless the file held int64.</summary>
    public ReadOnlySpan<long> AsInt64() => MemoryMarshal.Cast<byte, long>(Expect(NpyDataType.Int64));

    /// <summary>The elements as uint8; throws unless the file held uint8.</summary>
    public ReadOnlySpan<byte> AsUInt8() => Expect(NpyDataType.UInt8);

    /// <summary>The elements as float64; throws unless the file held float64.</summary>
    public ReadOnlySpan<double> AsFloat64() => MemoryMarshal.Cast<byte, double>(Expect(NpyDataType.Float64));

    /// <summary>A float32 tensor with this array's shape; float64, int64 and uint8 values are converted.</summary>
    public Tensor ToTensor()
    {
        if (DataType == NpyDataType.Float32)
        {
            return Tensor.FromSpan(AsFloat32(), shape);
        }
        var t = Tensor.Empty(shape);
        var span = t.Span;
        switch (DataType)
        {
            case NpyDataType.Float64:
                var d = AsFloat64();
                for (var i = 0; i < d.Length; i++)
                {
                    span[i] = (float)d[i];
                }
                break;
            case NpyDataType.Int64:
                var l = AsInt64();
                for (var i = 0; i < l.Length; i++)
                {
                    span[i] = l[i];
                }
                break;
            default:
                var b = AsUInt8();
                for (var i = 0; i < b.Length; i++)
                {
                    span[i] = b[i];
                }
                break;
        }
        return t;
    }

    private ReadOnlySpan<byte> Expect(NpyDataType wanted) => DataType == wanted
        ? data
        : throw new InvalidOperationException($"array holds {DataType}, not {wanted}");
}
