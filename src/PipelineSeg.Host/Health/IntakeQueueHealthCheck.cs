using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Intake;

namespace PipelineSeg.Host.Health;

/// <summary>Degraded when the intake queue is full (producers are waiting: processing cannot keep up).</summary>
internal sealed class IntakeQueueHealthCheck(IntakeQueue queue, IntakeTracker tracker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["queued"] = queue.Count, ["capacity"] = queue.Capacity, ["trackedSources"] = tracker.Count };
        return Task.FromResult(queue.Count >= queue.Capacity
            ? HealthCheckResult.Degraded("intake queue is full", data: data)
            : HealthCheckResult.Healthy($"{queue.Count} queued", data));
    }
}
