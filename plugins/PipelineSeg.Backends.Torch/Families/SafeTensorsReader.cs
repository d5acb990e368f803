using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using static TorchSharp.torch;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>
/// Reads a safetensors file (8-byte little-endian header length, JSON header of name → dtype/shape/data_offsets, raw
/// little-endian data) into LibTorch tensors: F32 weights (F16 and BF16 widened to F32 exactly, as the builtin engine and
/// PyTorch's load_state_dict into float32 parameters do) and the I64 BatchNorm counters.
/// </summary>
internal static class SafeTensorsReader
{
    /// <exception cref="InvalidDataException">The file is not safetensors or holds another dtype.</exception>
    public static Dictionary<string, Tensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"{path}: too short for safetensors");
        }
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (headerLength <= 0 || 8 + headerLength > bytes.Length)
        {
            throw new InvalidDataException($"{path}: header length {headerLength} does not fit the file");
        }
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var data = bytes.AsSpan(8 + (int)headerLength);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
        {
            var dtype = entry.Value.GetProperty("dtype").GetString();
            long[] shape = [.. entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())];
            var offsets = entry.Value.GetProperty("data_offsets");
            var raw = data[(int)offsets[0].GetInt64()..(int)offsets[1].GetInt64()];
            tensors[entry.Name] = dtype switch
            {
                "F32" => tensor(MemoryMarshal.Cast<byte, float>(raw).ToArray(), shape),
                "F16" => tensor(Widen(MemoryMarshal.Cast<byte, Half>(raw)), shape),
                "BF16" => tensor(WidenBFloat16(MemoryMarshal.Cast<byte, ushort>(raw)), shape),
                "I64" => tensor(MemoryMarshal.Cast<byte, long>(raw).ToArray(), shape),
                _ => throw new InvalidDataException($"{path}: tensor '{entry.Name}' is {dtype}; the torch backend reads F32, F16, BF16 and I64"),
            };
        }
        return tensors;
    }

    private static float[] Widen(ReadOnlySpan<Half> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }
        return result;
    }

    /// <summary>bfloat16 is the upper half of a float32's bits.</summary>
    private static float[] WidenBFloat16(ReadOnlySpan<ushort> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = BitConverter.Int32BitsToSingle(values[i] << 16);
        }
        return result;
    }
}
