using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// First hosted service of <c>serve</c>: creates the watched, output, data, state and work folders and clears stale
/// staging before anything else starts, so the first health report judges a ready service (it used to report the
/// output folder missing until the first job created it).
/// </summary>
internal sealed class ServiceStartup(ServiceDirectories directories, WorkArea work) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        directories.CreateAll();
        work.Clear();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
