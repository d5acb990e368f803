using Microsoft.Extensions.Options;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>Every rule names defined pipelines (or ignores), sets at least one condition and has valid patterns and ranges.</summary>
internal sealed class RoutingOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var defined = pipelines.Value.Definitions;
        var errors = new List<string>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            errors.AddRange(options.Rules[i].Validate($"{RoutingOptions.Section}:Rules:{i}", defined.ContainsKey));
        }
        var names = options.Rules.Select(r => r.Name).Where(n => !string.IsNullOrWhiteSpace(n));
        errors.AddRange(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{RoutingOptions.Section}:Rules: the name '{g.Key}' is used by more than one rule"));
        for (var i = 0; i < options.DefaultPipelines.Count; i++)
        {
            if (!defined.ContainsKey(options.DefaultPipelines[i]))
            {
                errors.Add($"{RoutingOptions.Section}:DefaultPipelines:{i} '{options.DefaultPipelines[i]}' is not defined under Pipelines");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
