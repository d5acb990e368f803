using Microsoft.Extensions.DependencyInjection;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Outcomes;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Intake.Processing;

/// <summary>
/// Runs one item: claim, stage, batch into <c>&lt;watch output&gt;/&lt;id&gt;</c>, record the outcome. Every item
/// ends in exactly one recorded outcome (processed, skipped with the reason, or failed), except on shutdown.
/// </summary>
internal sealed class IntakeItemRunner(IIntakeClaims claims, IIntakeOutcomes outcomes, WorkArea work, IServiceScopeFactory scopes)
{
    /// <summary>Processes <paramref name="item"/>; errors end as a failed outcome, cancellation propagates.</summary>
    public async Task RunAsync(IntakeItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var claim = await claims.ClaimAsync(item, cancellationToken).ConfigureAwait(false);
        if (!claim.Granted)
        {
            await outcomes.RecordAsync(item, IntakeOutcome.Skipped(claim.OutputFolder, claim.Reason ?? "not claimed"), cancellationToken).ConfigureAwait(false);
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
        await outcomes.RecordAsync(item, outcome, cancellationToken).ConfigureAwait(false);
    }
}
