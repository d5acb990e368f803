using PipelineSeg.Host.Intake.Outcomes;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Operations;

/// <summary>Feeds <see cref="ServiceMetrics"/> from every job outcome (one more recorder beside the state file and the log).</summary>
internal sealed class MetricsOutcomes(ServiceMetrics metrics) : IIntakeOutcomes
{
    public ValueTask RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is { Kind: IntakeOutcomeKind.Processed, Result: { } result })
        {
            var slices = result.Series.Where(s => s.Status == SeriesStatus.Succeeded).Sum(s => (long)(s.Report?.Series.Slices ?? 0));
            metrics.JobProcessed(result.Succeeded, result.Failed, result.Skipped, slices, TimeSpan.FromMilliseconds(result.ElapsedMs));
        }
        else
        {
            metrics.JobEnded(outcome.Kind.ToString().ToLowerInvariant());
        }
        return ValueTask.CompletedTask;
    }
}
