using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>
/// The schedules must be valid Quartz cron expressions (seconds field first); a nightly batch needs an input, an output
/// and a defined pipeline. The removed <c>Schedules:Rescan</c> is refused by name rather than silently ignored, so an old
/// configuration says what moved.
/// </summary>
internal sealed class ScheduleOptionsValidator(IConfiguration configuration, IOptions<PipelinesOptions> pipelines) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Housekeeping) && !CronExpression.TryParse(options.Housekeeping, out _))
        {
            errors.Add($"Schedules:Housekeeping '{options.Housekeeping}' is not a valid Quartz cron expression (e.g. '0 30 3 * * ?')");
        }
        var nightly = options.NightlyBatch;
        if (nightly.Enabled)
        {
            if (!CronExpression.TryParse(nightly.Cron, out _))
            {
                errors.Add($"Schedules:NightlyBatch:Cron '{nightly.Cron}' is not a valid Quartz cron expression (e.g. '0 0 2 * * ?')");
            }
            if (string.IsNullOrWhiteSpace(nightly.Output))
            {
                errors.Add("Schedules:NightlyBatch:Output is required when Schedules:NightlyBatch:Input is set");
            }
            if (!string.IsNullOrEmpty(nightly.Pipeline) && !pipelines.Value.Definitions.ContainsKey(nightly.Pipeline))
            {
                errors.Add($"Schedules:NightlyBatch:Pipeline '{nightly.Pipeline}' is not defined under Pipelines");
            }
        }
        else if (!string.IsNullOrWhiteSpace(nightly.Output))
        {
            errors.Add("Schedules:NightlyBatch:Input is required when Schedules:NightlyBatch:Output is set");
        }
        if (configuration[$"{ScheduleOptions.Section}:Rescan"] is not null)
        {
            errors.Add("Schedules:Rescan is no longer used: the intake rescans every Intake:RescanInterval (e.g. \"00:01:00\"); remove it");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
