using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Hosting;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Health;

/// <summary>Unhealthy when a watched folder or its output folder is missing (e.g. an unmounted share).</summary>
internal sealed class WatchFoldersHealthCheck(IOptions<IntakeOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = options.Value.WatchFolders
            .SelectMany(w => new[] { AppPaths.Resolve(w.Path), AppPaths.Resolve(w.Output) })
            .Where(p => !Directory.Exists(p))
            .ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"{options.Value.WatchFolders.Count} watched folder(s)")
            : HealthCheckResult.Unhealthy($"missing: {string.Join(", ", missing)}"));
    }
}
