using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Hosting;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Health;

/// <summary>Writes every health report to <see cref="HealthOptions.StatusFile"/> as JSON (for a monitoring agent).</summary>
internal sealed class HealthFilePublisher(IOptions<HealthOptions> options, TimeProvider time) : IHealthCheckPublisher
{
    public async Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var path = AppPaths.Resolve(options.Value.StatusFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var payload = new
        {
            Status = report.Status.ToString(),
            CheckedUtc = time.GetUtcNow(),
            TotalMs = report.TotalDuration.TotalMilliseconds,
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        };
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(payload, ReportJson.Options), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
