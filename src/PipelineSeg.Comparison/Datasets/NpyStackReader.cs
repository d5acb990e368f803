using PipelineSeg.Tensors;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>Reads a .npy file (float32, float64, int64 or uint8) as a <see cref="SliceStack"/>.</summary>
internal static class NpyStackReader
{
    public static SliceStack Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }
        var array = NpyFile.Read(path);
        float[] values = array.DataType switch
        {
            NpyDataType.Float32 => array.AsFloat32().ToArray(),
            NpyDataType.Float64 => [.. array.AsFloat64().ToArray().Select(v => (float)v)],
            NpyDataType.Int64 => [.. array.AsInt64().ToArray().Select(v => (float)v)],
            NpyDataType.UInt8 => [.. array.AsUInt8().ToArray().Select(v => (float)v)],
            _ => throw new InvalidDataException($"{path}: dtype {array.DataType} is not float32, float64, int64 or uint8"),
        };
        return SliceStack.Create(path, values, [.. array.Shape.ToArray().Select(d => (long)d)]);
    }
}
