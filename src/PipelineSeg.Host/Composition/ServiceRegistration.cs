using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Health;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Outcomes;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers what <c>serve</c> runs: folder intake, job runner, housekeeping schedule and health publishing.</summary>
internal static class ServiceRegistration
{
    /// <summary>Adds the long-running service parts.</summary>
    public static IHostApplicationBuilder AddPipelineSegService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceDirectories>();
        services.AddSingleton<InputIds>();
        services.AddSingleton<IntakeNames>();
        services.AddSingleton<WorkArea>();
        services.AddSingleton<IntakeTracker>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<IntakeRescanner>();
        services.AddSingleton<IntakePlanner>();
        services.AddSingleton<IntakeItemRunner>();
        services.AddSingleton<IIntakeClaims, OutputFolderClaims>();
        // Recorders run in registration order: the state file first, so a logged outcome is always already recorded.
        services.AddSingleton<IIntakeOutcomes, OutcomeFile>();
        services.AddSingleton<IIntakeOutcomes, LoggedOutcomes>();
        // Hosted services start in registration order: folders first, so watchers and health see them.
        services.AddHostedService<ServiceStartup>();
        services.AddHostedService<FolderIntakeService>();
        services.AddHostedService<JobRunnerService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

        builder.AddPipelineSegSchedules();

        services.AddHealthChecks()
            .AddCheck<PluginsHealthCheck>("plugins")
            .AddCheck<WatchFoldersHealthCheck>("watch-folders")
            .AddCheck<IntakeQueueHealthCheck>("intake-queue")
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
