using Microsoft.Extensions.Options;
using Quartz;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>Schedules must be valid Quartz cron expressions (seconds field first).</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new List<string>();
        Check(nameof(ScheduleOptions.Rescan), options.Rescan, errors);
        Check(nameof(ScheduleOptions.Housekeeping), options.Housekeeping, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string field, string expression, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(expression) && !CronExpression.TryParse(expression, out _))
        {
            errors.Add($"Schedules:{field} '{expression}' is not a valid Quartz cron expression (e.g. '0 0/5 * * * ?')");
        }
    }
}
