using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The default pipeline must be one that is defined.</summary>
internal sealed class InferenceOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options) =>
        pipelines.Value.Definitions.ContainsKey(options.DefaultPipeline)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Inference:DefaultPipeline '{options.DefaultPipeline}' is not defined under Pipelines (defined: {string.Join(", ", pipelines.Value.Definitions.Keys)})");
}
