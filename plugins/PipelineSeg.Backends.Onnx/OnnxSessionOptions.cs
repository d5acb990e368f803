using Microsoft.ML.OnnxRuntime;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Onnx;

/// <summary>Session options for a device: CUDA through the CUDA execution provider when this build has it.</summary>
internal static class OnnxSessionOptions
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>The options and where the model will run.</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for explicitly and is not available (named cause).</exception>
    public static (SessionOptions Options, Placement Placement) Create(ExecutionDevice device, int maxThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
            IntraOpNumThreads = maxThreads,
        };
        try
        {
            var placement = device.Kind switch
            {
                ExecutionDeviceKind.Cpu => new Placement(ExecutionDevice.Cpu, null),
                ExecutionDeviceKind.Cuda => AddCuda(options, device.Index) is { } why
                    ? throw new InvalidOperationException($"device '{device}' is not available to ONNX Runtime: {why}")
                    : new Placement(device, null),
                _ => AddCuda(options, 0) is { } why
                    ? new Placement(ExecutionDevice.Cpu, $"auto chose the CPU: {why}")
                    : new Placement(new ExecutionDevice(ExecutionDeviceKind.Cuda), null),
            };
            return (options, placement);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>Adds the CUDA provider; null when done, else why not.</summary>
    private static string? AddCuda(SessionOptions options, int index)
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider, StringComparer.Ordinal))
        {
            return "this ONNX Runtime build has no CUDA execution provider (the CPU package is installed; build the backend with -p:OnnxRuntimeFlavor=Gpu)";
        }
        try
        {
            options.AppendExecutionProvider_CUDA(index);
            return null;
        }
        catch (OnnxRuntimeException e)
        {
            return $"the CUDA execution provider did not start on device {index} ({e.Message})";
        }
    }
}
