using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>
/// The housekeeping schedule must be a valid Quartz cron expression (seconds field first). The removed
/// <c>Schedules:Rescan</c> is refused by name rather than silently ignored, so an old configuration says what moved.
/// </summary>
internal sealed class ScheduleOptionsValidator(IConfiguration configuration) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Housekeeping) && !CronExpression.TryParse(options.Housekeeping, out _))
        {
            errors.Add($"Schedules:Housekeeping '{options.Housekeeping}' is not a valid Quartz cron expression (e.g. '0 30 3 * * ?')");
        }
        if (configuration[$"{ScheduleOptions.Section}:Rescan"] is not null)
        {
            errors.Add("Schedules:Rescan is no longer used: the intake rescans every Intake:RescanInterval (e.g. \"00:01:00\"); remove it");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
