using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Jobs;
using Quartz;

namespace PipelineSeg.Host.Composition;

/// <summary>
/// Quartz with its persistent ADO.NET store in the journal's database: SQLite by default, PostgreSQL (clustered, so a
/// schedule fires on one instance only) with <c>Journal:Provider=PostgreSQL</c>. Tables come from the official DDL in
/// Jobs/Schema/; triggers are synchronised with <c>Schedules:*</c> at start (<see cref="ScheduleSynchronizer"/>).
/// </summary>
internal static class SchedulingRegistration
{
    /// <summary>Adds the scheduler and its jobs; call after the service's folders are registered.</summary>
    public static IHostApplicationBuilder AddPipelineSegSchedules(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SchedulerDatabase>();
        services.AddTransient<HousekeepingJob>();
        services.AddTransient<NightlyBatchJob>();
        // Hosted services start in registration order: tables, then triggers; Quartz itself starts once the host has.
        services.AddHostedService<QuartzSchemaInitializer>();
        services.AddHostedService<ScheduleSynchronizer>();
        var postgres = SchedulerDatabase.IsPostgreSqlProvider(builder.Configuration);
        builder.AddQuartz(q => q.UsePersistentStore(store =>
        {
            if (postgres)
            {
                store.UsePostgres(o => o.DataSourceFactory = sp => sp.GetRequiredService<SchedulerDatabase>().CreateDataSource());
                store.UseClustering(_ => { });
            }
            else
            {
                store.UseSqlite(o => o.DataSourceFactory = sp => sp.GetRequiredService<SchedulerDatabase>().CreateDataSource());
            }
        }));
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
