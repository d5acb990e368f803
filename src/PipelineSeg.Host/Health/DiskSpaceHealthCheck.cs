using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Health;

/// <summary>
/// Unhealthy when an output folder, a work/ folder or the data directory (journal) has less than
/// <c>Health:MinimumFreeSpaceMegabytes</c> free: a job started then would fail half-way through writing.
/// </summary>
internal sealed class DiskSpaceHealthCheck(ServiceDirectories directories, WatchLayouts layouts, IOptions<HealthOptions> health) : IHealthCheck
{
    private const long Mebibyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = health.Value.MinimumFreeSpaceMegabytes;
        var data = new Dictionary<string, object>();
        var low = new List<string>();
        var folders = layouts.All.SelectMany(l => new[] { l.Output, l.Work }).Append(directories.Data).Distinct(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            // statvfs of the folder itself (DriveInfo accepts any path on Unix), so a mounted share is measured, not "/".
            var free = new DriveInfo(folder).AvailableFreeSpace / Mebibyte;
            data[folder] = free;
            if (free < minimum)
            {
                low.Add($"{folder} ({free} MiB)");
            }
        }
        return Task.FromResult(low.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} folder(s) with at least {minimum} MiB free", data)
            : HealthCheckResult.Unhealthy($"less than {minimum} MiB free: {string.Join(", ", low)}", data: data));
    }
}
