namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// Floating-point type a backend computes in (<c>Inference:Precision</c>, <c>--precision</c>; contract 2.1). Inputs and
/// outputs stay float32 at the contract; only the network's weights and activations change type. The builtin engine and
/// ONNX Runtime compute in float32 only.
/// </summary>
public enum ExecutionPrecision
{
    /// <summary>float32, the default and the reference every other precision is checked against.</summary>
    Fp32,

    /// <summary>IEEE float16: for CUDA devices (tensor cores).</summary>
    Fp16,

    /// <summary>bfloat16 (float32's range, 8-bit mantissa): CUDA, and CPUs with bf16 instructions.</summary>
    Bf16,
}
