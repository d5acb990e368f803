namespace PipelineSeg.Nn;

/// <summary>Element types of torch storages that can be read (and converted to float32).</summary>
public enum TorchScalarType
{
    /// <summary>torch.float32.</summary>
    Float32,
    /// <summary>torch.float16.</summary>
    Float16,
    /// <summary>torch.bfloat16.</summary>
    BFloat16,
    /// <summary>torch.float64.</summary>
    Float64,
    /// <summary>torch.int64 (e.g. num_batches_tracked).</summary>
    Int64,
    /// <summary>torch.int32.</summary>
    Int32,
    /// <summary>torch.int16.</summary>
    Int16,
    /// <summary>torch.int8.</summary>
    Int8,
    /// <summary>torch.uint8.</summary>
    UInt8,
    /// <summary>torch.bool.</summary>
    Bool,
}
