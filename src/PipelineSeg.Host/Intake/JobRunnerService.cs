using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// Consumes the intake queue one arrival at a time: splits it into items (an export folder, or one item per series of
/// loose files) and runs each. A failing item is recorded and the runner goes on.
/// </summary>
internal sealed class JobRunnerService(IntakeQueue queue, IntakePlanner planner, IntakeItemRunner runner, IntakeNames names,
    ILogger<JobRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var arrival in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await HandleAsync(arrival, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown; an interrupted item has no batch-summary.json and is processed again on restart.
        }
    }

    private async Task HandleAsync(IntakeArrival arrival, CancellationToken cancellationToken)
    {
        IReadOnlyList<IntakeItem> items;
        try
        {
            items = await planner.PlanAsync(arrival, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            IntakeLog.PlanFailed(logger, names.Describe(arrival.Source), e.Message);
            return;
        }
        if (arrival.Source.Kind == IntakeSourceKind.LooseFiles)
        {
            IntakeLog.Planned(logger, names.Describe(arrival.Source), items.Count);
        }
        foreach (var item in items)
        {
            await runner.RunAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }
}
