using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Health;

/// <summary>Writes every health report as JSON to <c>Health:StatusFile</c> under the data directory (for a monitoring agent).</summary>
internal sealed class HealthFilePublisher(ServiceDirectories directories, TimeProvider time) : IHealthCheckPublisher, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var path = directories.HealthFile;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A slow check can make two publishes overlap: one at a time, each through its own temporary file, so the
        // file is always one whole report (a shared ".tmp" let a shorter report land on a longer one's tail).
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.WriteAllTextAsync(temp, HealthReportJson.Serialize(report, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            _gate.Release();
            File.Delete(temp);
        }
    }
}
