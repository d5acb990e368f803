using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>Each watched folder needs a path and an output, and names a defined pipeline (or none for the default).</summary>
internal sealed class IntakeOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.WatchFolders.Count; i++)
        {
            var w = options.WatchFolders[i];
            if (string.IsNullOrWhiteSpace(w.Path))
            {
                errors.Add($"Intake:WatchFolders:{i}:Path is required");
            }
            if (string.IsNullOrWhiteSpace(w.Output))
            {
                errors.Add($"Intake:WatchFolders:{i}:Output is required");
            }
            if (!string.IsNullOrEmpty(w.Pipeline) && !pipelines.Value.Definitions.ContainsKey(w.Pipeline))
            {
                errors.Add($"Intake:WatchFolders:{i}:Pipeline '{w.Pipeline}' is not defined under Pipelines");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
