using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Outcomes;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Intake.Processing;

/// <summary>
/// Runs one item: claim, stage, batch into <c>&lt;watch output&gt;/&lt;id&gt;</c>, record the outcome. Every item
/// ends in exactly one recorded outcome (processed, skipped with the reason, or failed), except on shutdown.
/// </summary>
internal sealed class IntakeItemRunner(IIntakeClaims claims, IEnumerable<IIntakeOutcomes> recorders, WorkArea work, IServiceScopeFactory scopes,
    IntakeNames names, ILogger<IntakeItemRunner> logger)
{
    /// <summary>Processes <paramref name="item"/>; errors end as a failed outcome, cancellation propagates.</summary>
    public async Task RunAsync(IntakeItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var claim = await claims.ClaimAsync(item, cancellationToken).ConfigureAwait(false);
        if (!claim.Granted)
        {
            await RecordAsync(item, IntakeOutcome.Skipped(claim.OutputFolder, claim.Reason ?? "not claimed"), cancellationToken).ConfigureAwait(false);
            return;
        }
        IntakeOutcome outcome;
        try
        {
            using var staged = work.Stage(item);
            await using var scope = scopes.CreateAsyncScope();
            var request = scope.ServiceProvider.GetRequiredService<BatchRequestFactory>().Create(staged.Path, claim.OutputFolder, item.Source.Watch.Pipeline);
            var result = await scope.ServiceProvider.GetRequiredService<BatchProcessor>().RunAsync(request, cancellationToken).ConfigureAwait(false);
            outcome = IntakeOutcome.Processed(claim.OutputFolder, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = IntakeOutcome.Failed(claim.OutputFolder, e is AggregateException a
                ? string.Join("; ", a.Flatten().InnerExceptions.Select(i => i.Message).Distinct(StringComparer.Ordinal))
                : e.Message);
        }
        // The work is done: record it even when shutdown has begun.
        await RecordAsync(item, outcome, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var recorder in recorders)
        {
            try
            {
                await recorder.RecordAsync(item, outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full or read-only state disk must not stop the service: the other recorders (the log) still say it.
                IntakeLog.RecordFailed(logger, names.Describe(item), e.Message);
            }
        }
    }
}
