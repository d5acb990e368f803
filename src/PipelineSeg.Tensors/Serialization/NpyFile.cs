using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace PipelineSeg.Tensors;

/// <summary>
/// Reads and writes NumPy .npy files (format versions 1.0 to 3.0 read, 1.0 written; C order; float32, int64,
/// uint8 and float64), the way model developers hand us test tensors.
/// </summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a whole .npy file.</summary>
    /// <exception cref="InvalidDataException">The file is not a .npy file we support; the message names the file and the cause.</exception>
    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a .npy file into a float32 tensor (float64, int64 and uint8 values are converted).</summary>
    public static Tensor ReadTensor(string path) => Read(path).ToTensor();

    /// <summary>Parses the bytes of a .npy file.</summary>
    public static NpyArray Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 10 || !file[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a .npy file (magic string \\x93NUMPY missing)");
        }
        int major = file[6];
        int headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            if (file.Length < 12)
            {
                throw new InvalidDataException("truncated .npy header");
            }
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(file[8..]));
            headerStart = 12;
        }
        else
        {
            throw new InvalidDataException($"unsupported .npy format version {major}.{file[7]}");
        }
        if (headerStart + headerLength > file.Length)
        {
            throw new InvalidDataException("truncated .npy header");
        }
        var header = Encoding.Latin1.GetString(file.Slice(headerStart, headerLength));
        var (type, shape) = NpyHeader.Parse(header);
        var dataBytes = Tensor.ElementCount(shape) * ElementSize(type);
        var body = file[(headerStart + headerLength)..];
        if (body.Length < dataBytes)
        {
            throw new InvalidDataException($"data truncated: {body.Length} bytes present, {dataBytes} expected for shape [{string.Join(", ", shape)}]");
        }
        return new NpyArray(type, shape, body[..(int)dataBytes].ToArray());
    }

    /// <summary>Writes a float32 array.</summary>
    public static void Write(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape) =>
        Write(path, NpyDataType.Float32, MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes an int64 array.</summary>
    public static void Write(string path, ReadOnlySpan<long> data, ReadOnlySpan<int> shape) =>
        Write(path, NpyDataType.Int64, MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a float64 array.</summary>
    public static void Write(string path, ReadOnlySpan<double> data, ReadOnlySpan<int> shape) =>
        Write(path, NpyDataType.Float64, MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a uint8 array.</summary>
    public static void Write(string path, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape) =>
        Write(path, NpyDataType.UInt8, data, data.Length, shape);

    /// <summary>Writes a tensor as float32.</summary>
    public static void Write(string path, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Write(path, tensor.Span, tensor.Shape);
    }

    internal static int ElementSize(NpyDataType type) => type switch
    {
        NpyDataType.Float32 => 4,
        NpyDataType.Int64 => 8,
        NpyDataType.UInt8 => 1,
        NpyDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static void Write(string path, NpyDataType type, ReadOnlySpan<byte> bytes, int count, ReadOnlySpan<int> shape)
    {
        if (Tensor.ElementCount(shape) != count)
        {
            throw new ArgumentException($"{count} elements do not fill shape [{string.Join(", ", shape.ToArray())}]", nameof(shape));
        }
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("writing .npy files needs a little-endian machine");
        }
        var header = Encoding.Latin1.GetBytes(NpyHeader.Format(type, shape));
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(Magic);
        stream.Write([1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        stream.Write(header);
        stream.Write(bytes);
    }
}
