using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Jobs;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// First hosted service of <c>serve</c>: creates every folder (watched, output, work, done, failed, data, state) and runs
/// the journal's start-up recovery before the intake and the job runner start, so the first health report judges a ready
/// service and no claim or job from before a crash is left half done.
/// </summary>
internal sealed class ServiceStartup(ServiceDirectories directories, JobRecovery recovery) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        directories.CreateAll();
        await recovery.RecoverAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
