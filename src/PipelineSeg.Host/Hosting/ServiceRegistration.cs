using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Health;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;
using Quartz;

namespace PipelineSeg.Host.Hosting;

/// <summary>Registers what <c>serve</c> runs: folder intake, job runner, Quartz schedules and health publishing.</summary>
internal static class ServiceRegistration
{
    /// <summary>Adds the long-running service parts.</summary>
    public static IHostApplicationBuilder AddPipelineSegService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IntakeTracker>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<IntakeRescanner>();
        services.AddHostedService<FolderIntakeService>();
        services.AddHostedService<JobRunnerService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

        // Cron expressions come from configuration (validated at start-up by ScheduleOptionsValidator).
        var schedules = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        builder.AddQuartz(q =>
        {
            q.ScheduleJob<RescanJob>(t => t.WithIdentity("rescan").WithCronSchedule(schedules.Rescan), j => j.WithIdentity("rescan"));
            q.ScheduleJob<HousekeepingJob>(t => t.WithIdentity("housekeeping").WithCronSchedule(schedules.Housekeeping), j => j.WithIdentity("housekeeping"));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddHealthChecks()
            .AddCheck<PluginsHealthCheck>("plugins")
            .AddCheck<WatchFoldersHealthCheck>("watch-folders")
            .AddCheck<IntakeQueueHealthCheck>("intake-queue");
        services.AddSingleton<IHealthCheckPublisher, HealthFilePublisher>();
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<HealthOptions>>((o, h) =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = h.Value.Period;
        });
        return builder;
    }
}
