using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Jobs.Schema;

namespace PipelineSeg.Host.Jobs;

/// <summary>Creates Quartz's tables in the journal's database before the scheduler starts (registered just before it).</summary>
internal sealed class QuartzSchemaInitializer(SchedulerDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = database.CreateDataSource();
        await QuartzSchema.CreateAsync(dataSource, database.SchemaResource, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
