using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Intake.Outcomes;

/// <summary>Logs every outcome (Information, failures as Error), naming the input by its id only.</summary>
internal sealed class LoggedOutcomes(IntakeNames names, ILogger<LoggedOutcomes> logger) : IIntakeOutcomes
{
    public ValueTask RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        var input = names.Describe(item);
        switch (outcome.Kind)
        {
            case IntakeOutcomeKind.Processed:
                var r = outcome.Result!;
                IntakeLog.Processed(logger, input, r.Succeeded, r.Failed, r.Skipped, outcome.OutputFolder);
                break;
            case IntakeOutcomeKind.Skipped:
                IntakeLog.Skipped(logger, input, outcome.Reason ?? "no reason given");
                break;
            default:
                IntakeLog.Failed(logger, input, outcome.Reason ?? "no reason given");
                break;
        }
        return ValueTask.CompletedTask;
    }
}
