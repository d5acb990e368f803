using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>Every pipeline definition must be complete (model, threshold in (0, 1), …).</summary>
internal sealed class PipelinesOptionsValidator : IValidateOptions<PipelinesOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelinesOptions options)
    {
        if (options.Definitions.Count == 0)
        {
            return ValidateOptionsResult.Fail("Pipelines: no pipeline is defined");
        }
        var errors = options.Definitions.SelectMany(kv => kv.Value.Validate(kv.Key)).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
