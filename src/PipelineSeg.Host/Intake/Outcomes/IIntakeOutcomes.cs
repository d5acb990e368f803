using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Intake.Outcomes;

/// <summary>
/// Records what became of each item; every registered recorder sees every outcome. Today a log line
/// (<see cref="LoggedOutcomes"/>) and a line in <c>state/outcomes.jsonl</c> (<see cref="OutcomeFile"/>); a journal slots in here.
/// </summary>
internal interface IIntakeOutcomes
{
    /// <summary>Records <paramref name="outcome"/> of <paramref name="item"/>.</summary>
    ValueTask RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken);
}
