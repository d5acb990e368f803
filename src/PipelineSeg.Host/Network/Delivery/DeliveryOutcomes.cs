using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Outcomes;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// Queues the results of every processed job for each destination of its pipeline, in the durable pending-deliveries
/// folder (the delivery service sends them). Registered after the outcome file, so a queued delivery always belongs
/// to a recorded outcome.
/// </summary>
internal sealed class DeliveryOutcomes(ResultDestinations destinations, PendingDeliveries pending, IOptions<InferenceOptions> inference,
    DeliverySignal signal, TimeProvider time, ILogger<DeliveryOutcomes> logger) : IIntakeOutcomes
{
    public ValueTask RecordAsync(IntakeItem item, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind != IntakeOutcomeKind.Processed || !destinations.Any)
        {
            return ValueTask.CompletedTask;
        }
        var files = ResultFiles.In(outcome.OutputFolder);
        if (files.Count == 0)
        {
            return ValueTask.CompletedTask;
        }
        var pipeline = string.IsNullOrEmpty(item.Source.Watch.Pipeline) ? inference.Value.DefaultPipeline : item.Source.Watch.Pipeline;
        var job = Path.GetFileName(outcome.OutputFolder.TrimEnd(Path.DirectorySeparatorChar));
        foreach (var destination in destinations.For(pipeline))
        {
            var delivery = new PendingDelivery
            {
                Id = $"{job}-{destination.Name}-{time.GetUtcNow():yyyyMMddHHmmss}",
                Destination = destination.Name,
                Job = job,
                Files = files,
                NextAttempt = time.GetUtcNow(),
            };
            if (pending.TryAdd(delivery))
            {
                NetworkLog.DeliveryQueued(logger, delivery.Id, files.Count, destination.Describe());
            }
        }
        signal.Notify();
        return ValueTask.CompletedTask;
    }
}
