using Microsoft.Extensions.Options;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The default pipeline must be defined; backend and device must be ones PipelineSeg knows, and agree.</summary>
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
}
