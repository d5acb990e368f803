namespace PipelineSeg.Tensors;

/// <summary>Element types <see cref="NpyFile"/> reads and writes.</summary>
public enum NpyDataType
{
    /// <summary>little-endian float32, descr '&lt;f4'.</summary>
    Float32,

    /// <summary>little-endian int64, descr '&lt;i8'.</summary>
    Int64,

    /// <summary>uint8, descr '|u1'.</summary>
    UInt8,

    /// <summary>little-endian float64, descr '&lt;f8' (NumPy's default; converted to float32 by <see cref="NpyArray.ToTensor"/>).</summary>
    Float64,
}
