using Microsoft.Extensions.Options;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The default pipeline must be defined; backend, device and precision must be ones PipelineSeg knows, and agree.</summary>
internal sealed class InferenceOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new List<string>();
        if (!pipelines.Value.Definitions.ContainsKey(options.DefaultPipeline))
        {
            errors.Add($"Inference:DefaultPipeline '{options.DefaultPipeline}' is not defined under Pipelines (defined: {string.Join(", ", pipelines.Value.Definitions.Keys)})");
        }
        var known = string.Join("|", ExecutionBackends.Known);
        if (!string.IsNullOrWhiteSpace(options.Backend) && !ExecutionBackends.Known.Contains(options.Backend, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Inference:Backend '{options.Backend}' is not one of {known} (empty: each model's own)");
        }
        var device = ExecutionDevice.TryParse(options.Device);
        if (device is null)
        {
            errors.Add($"Inference:Device '{options.Device}' is not cpu, cuda, cuda:N or auto");
        }
        else if (device.Kind == ExecutionDeviceKind.Cuda && ExecutionBackends.IsBuiltin(options.Backend))
        {
            errors.Add($"Inference:Device '{options.Device}' needs Inference:Backend torch or onnx (the builtin engine runs on the CPU only)");
        }
        ValidatePrecision(options, device, errors);
        foreach (var (backend, slices) in options.SlicesPerBatchByBackend)
        {
            if (!ExecutionBackends.Known.Contains(backend, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Inference:SlicesPerBatchByBackend:{backend} is not a backend ({known})");
            }
            if (slices is < 1 or > 256)
            {
                errors.Add($"Inference:SlicesPerBatchByBackend:{backend} must be 1–256, got {slices}");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// Only the torch backend casts a network (builtin computes in float32; ONNX Runtime runs a graph in the type it was
    /// exported in), and fp16 is a GPU format: on the CPU LibTorch has no float16 arithmetic to gain from, bf16 serves there.
    /// </summary>
    private static void ValidatePrecision(InferenceOptions options, ExecutionDevice? device, List<string> errors)
    {
        if (!ExecutionPrecisionNames.TryParse(options.Precision, out var precision))
        {
            errors.Add($"Inference:Precision '{options.Precision}' is not {string.Join(", ", ExecutionPrecisionNames.Known)}");
            return;
        }
        if (precision == ExecutionPrecision.Fp32)
        {
            return;
        }
        if (!string.Equals(options.Backend, ExecutionBackends.Torch, StringComparison.OrdinalIgnoreCase))
        {
            var backend = string.IsNullOrWhiteSpace(options.Backend) ? "empty (each model's own)" : $"'{options.Backend}'";
            errors.Add($"Inference:Precision '{options.Precision}' needs Inference:Backend torch, it is {backend} "
                + "(the builtin engine computes in fp32 only; ONNX Runtime runs a graph in the type it was exported in)");
        }
        else if (precision == ExecutionPrecision.Fp16 && device?.Kind == ExecutionDeviceKind.Cpu)
        {
            errors.Add($"Inference:Precision 'fp16' needs Inference:Device cuda, cuda:N or auto, it is '{options.Device}' "
                + "(float16 is for GPUs; on the CPU use bf16)");
        }
    }
}
