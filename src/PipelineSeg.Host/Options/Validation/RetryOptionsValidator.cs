using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>The first retry delay is not longer than the longest one.</summary>
internal sealed class RetryOptionsValidator : IValidateOptions<RetryOptions>
{
    public ValidateOptionsResult Validate(string? name, RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Delay > options.MaxDelay
            ? ValidateOptionsResult.Fail($"Retries:Delay ({options.Delay}) is longer than Retries:MaxDelay ({options.MaxDelay})")
            : ValidateOptionsResult.Success;
    }
}
