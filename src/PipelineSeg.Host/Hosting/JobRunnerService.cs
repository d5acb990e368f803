using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Hosting;

/// <summary>
/// Consumes the intake queue one job at a time (a scope per job); each settled folder is processed like a
/// <c>batch</c> into &lt;watch output&gt;/&lt;folder name&gt;. A failing job is logged and the runner goes on.
/// </summary>
internal sealed class JobRunnerService(IntakeQueue queue, IServiceScopeFactory scopes, ILogger<JobRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown; an interrupted folder has no batch-summary.json and is processed again on restart.
        }
    }

    private async Task RunAsync(IntakeJob job, CancellationToken cancellationToken)
    {
        var output = Path.Combine(AppPaths.Resolve(job.Watch.Output), Path.GetFileName(job.Folder));
        var summary = Path.Combine(output, BatchProcessor.SummaryFileName);
        if (File.Exists(summary) && File.GetLastWriteTimeUtc(summary) >= job.Stamp)
        {
            HostLog.AlreadyProcessed(logger, job.Folder);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var request = scope.ServiceProvider.GetRequiredService<BatchRequestFactory>().Create(job.Folder, output, job.Watch.Pipeline);
            var result = await scope.ServiceProvider.GetRequiredService<BatchProcessor>().RunAsync(request, cancellationToken).ConfigureAwait(false);
            HostLog.JobDone(logger, job.Folder, result.Succeeded, result.Failed, result.Skipped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            HostLog.JobFailed(logger, job.Folder, e.Message);
        }
    }
}
