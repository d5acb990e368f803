using PipelineSeg.Plugins.Abstractions;
using TorchSharp;

namespace PipelineSeg.Backends.Torch;

/// <summary>Maps fp32|fp16|bf16 onto a LibTorch type for a placement: float16 only on CUDA, bfloat16 on CUDA and the CPU.</summary>
internal static class TorchPrecision
{
    /// <exception cref="InvalidOperationException">float16 was asked for on the CPU (named cause, with auto's reason for the CPU).</exception>
    public static torch.ScalarType Resolve(ModelManifest model, ExecutionPrecision precision, TorchPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(placement);
        return precision switch
        {
            ExecutionPrecision.Fp32 => torch.ScalarType.Float32,
            ExecutionPrecision.Bf16 => torch.ScalarType.BFloat16,
            // float16 pays off on GPUs (tensor cores); a CPU without float16 arithmetic gains nothing, and bf16 keeps float32's range.
            _ when placement.Device.type != DeviceType.CUDA => throw new InvalidOperationException(
                $"model '{model.Id}': precision fp16 needs a CUDA device, the model runs on the CPU"
                + (placement.Note is { } why ? $" ({why})" : string.Empty) + "; use bf16 or fp32 on the CPU"),
            _ => torch.ScalarType.Float16,
        };
    }
}
