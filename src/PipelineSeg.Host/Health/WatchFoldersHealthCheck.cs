using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Health;

/// <summary>Unhealthy when a watched, output or data folder is missing (e.g. an unmounted share); all are created at start.</summary>
internal sealed class WatchFoldersHealthCheck(ServiceDirectories directories) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var required = directories.Required.ToList();
        var missing = required.Where(p => !Directory.Exists(p)).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"{required.Count} folder(s) present")
            : HealthCheckResult.Unhealthy($"missing: {string.Join(", ", missing)}"));
    }
}
