using Microsoft.Extensions.Logging;
using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// Queues the results of every succeeded job for each destination of its pipeline, in the durable pending-deliveries
/// folder (the delivery service sends them). It observes the job finisher, which calls it only once the results are
/// renamed into place and the journal holds the job as succeeded, so a queued delivery always belongs to a complete result.
/// </summary>
internal sealed class DeliveryOutcomes(ResultDestinations destinations, PendingDeliveries pending, DeliverySignal signal, TimeProvider time,
    ILogger<DeliveryOutcomes> logger) : IJobObserver
{
    public void Succeeded(JobRecord job, BatchResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(result);
        if (!destinations.Any)
        {
            return;
        }
        // The batch wrote into <Output>/.tmp-<name>; each series folder was then renamed to <Output>/<its name>
        // (<Output>/<pipeline>/<its name> for a routed job, whose id names the pipeline too: a series may have several).
        var output = RoutedWork.ResultRoot(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(result.Output)) ?? result.Output,
            job.Request.WorkName, job.Request.Pipeline);
        var prefix = RoutedWork.IsRouted(job.Request.WorkName) ? RoutedWork.Folder(job.Request.Pipeline) + "-" : string.Empty;
        var queued = false;
        foreach (var series in result.Series.Where(s => s.Status == SeriesStatus.Succeeded && s.OutputFolder is not null))
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(series.OutputFolder!));
            var files = ResultFiles.In(Path.Combine(output, name));
            if (files.Count == 0)
            {
                continue;
            }
            foreach (var destination in destinations.For(job.Request.Pipeline))
            {
                var delivery = new PendingDelivery
                {
                    Id = $"{prefix}{name}-{destination.Name}-{time.GetUtcNow():yyyyMMddHHmmss}",
                    Destination = destination.Name,
                    Job = name,
                    Files = files,
                    NextAttempt = time.GetUtcNow(),
                };
                if (pending.TryAdd(delivery))
                {
                    NetworkLog.DeliveryQueued(logger, delivery.Id, files.Count, destination.Describe());
                    queued = true;
                }
            }
        }
        if (queued)
        {
            signal.Notify();
        }
    }

    public void Failed(JobRecord job)
    {
        // A failed job has no result to deliver.
    }
}
