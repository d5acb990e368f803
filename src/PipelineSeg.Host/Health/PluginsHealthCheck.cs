using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Pipeline.Models;

namespace PipelineSeg.Host.Health;

/// <summary>Healthy when at least one model loads and no plugin was refused; unhealthy when no model is available.</summary>
internal sealed class PluginsHealthCheck(IModelProvider models) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var available = await models.ListAsync(cancellationToken).ConfigureAwait(false);
        var failures = await models.FailuresAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["models"] = available.Select(m => m.Model.Id).ToArray(), ["refused"] = failures.ToArray() };
        if (available.Count == 0)
        {
            return HealthCheckResult.Unhealthy("no model plugin loaded", data: data);
        }
        return failures.Count > 0
            ? HealthCheckResult.Degraded($"{failures.Count} plugin(s) refused", data: data)
            : HealthCheckResult.Healthy($"{available.Count} model(s)", data);
    }
}
