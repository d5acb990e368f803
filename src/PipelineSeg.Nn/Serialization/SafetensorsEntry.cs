namespace PipelineSeg.Nn;

/// <summary>One tensor listed in a safetensors header.</summary>
/// <param name="Name">State-dict key.</param>
/// <param name="DataType">safetensors dtype string: F32, F16, BF16, I64, …</param>
/// <param name="Shape">Dimensions, outermost first.</param>
/// <param name="Begin">Byte offset of the data, relative to the end of the header.</param>
/// <param name="End">Byte offset one past the data.</param>
public sealed record SafetensorsEntry(string Name, string DataType, int[] Shape, long Begin, long End)
{
    /// <summary>Number of elements.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>Bytes per element of <see cref="DataType"/>, or 0 for a type we do not know.</summary>
    public int ElementSize => DataType switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };
}
