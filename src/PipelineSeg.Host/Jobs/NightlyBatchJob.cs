using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Reporting.Summary;
using Quartz;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Quartz job (cron <c>Schedules:NightlyBatch:Cron</c>): the <c>pipelineseg batch</c> code path — the same
/// <see cref="BatchRequestFactory"/> and <see cref="BatchProcessor"/> — over <c>Schedules:NightlyBatch:Input</c>, into a
/// folder of its own per run (named by the UTC firing time), so every run keeps its batch-summary.json, summary.csv and summary.html.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class NightlyBatchJob(BatchRequestFactory requests, BatchProcessor processor, IOptions<ScheduleOptions> options, ILogger<NightlyBatchJob> logger) : IJob
{
    /// <summary>Job and trigger name in the store.</summary>
    public const string Name = "nightly-batch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nightly = options.Value.NightlyBatch;
        var run = "run-" + context.FireTimeUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var output = Path.Combine(AppPaths.Resolve(nightly.Output!), run);
        var request = requests.Create(AppPaths.Resolve(nightly.Input!), output, nightly.Pipeline);
        SchedulerLog.NightlyStarted(logger, run);
        var result = await processor.RunAsync(request, cancellationToken).ConfigureAwait(false);
        SchedulerLog.NightlyFinished(logger, run, result.Succeeded, result.Failed, result.Skipped);
        // like batch: summary.csv/html for people, one per run (the run folder is the run's own); a failure to write them
        // is logged and does not fail the run
        try
        {
            await BatchSummaryWriter.WriteRunFolderAsync(BatchSummary.From(result), context.FireTimeUtc, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            SchedulerLog.NightlySummaryFailed(logger, run, e.Message);
        }
    }
}
