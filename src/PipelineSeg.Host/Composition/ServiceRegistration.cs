using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Health;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Routing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers what <c>serve</c> runs: folder intake (claims into work/ and the journal), the journal's job runner, housekeeping schedule and health publishing.</summary>
internal static class ServiceRegistration
{
    /// <summary>Adds the long-running service parts.</summary>
    public static IHostApplicationBuilder AddPipelineSegService(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineSegJournal();
        var services = builder.Services;
        services.AddSingleton<InputIds>();
        services.AddSingleton<IntakeNames>();
        services.AddSingleton<IntakeTracker>();
        services.AddSingleton<IntakeRescanner>();
        services.AddSingleton<InboxClaimer>();
        services.AddSingleton<ClaimRouter>();
        services.AddSingleton<ClaimEnqueuer>();
        services.AddSingleton<PipelineVersions>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobAttempt>();
        services.AddSingleton<JobFinisher>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobRecovery>();
        // Hosted services start in registration order: folders and the journal's recovery first, then intake and runner.
        services.AddHostedService<ServiceStartup>();
        services.AddHostedService<FolderIntakeService>();
        services.AddHostedService<JobRunnerService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

        builder.AddPipelineSegSchedules();

        services.AddHealthChecks()
            .AddCheck<PluginsHealthCheck>("plugins")
            .AddCheck<WatchFoldersHealthCheck>("watch-folders")
            .AddCheck<JobJournalHealthCheck>("job-journal")
            .AddCheck<DiskSpaceHealthCheck>("disk-space");
        services.AddSingleton<IHealthCheckPublisher, HealthFilePublisher>();
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<HealthOptions>>((o, h) =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = h.Value.Period;
        });
        return builder;
    }
}
