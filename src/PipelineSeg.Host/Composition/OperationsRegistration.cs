using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Operations;
using PipelineSeg.Host.Operations.Dashboard;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers what makes <c>serve</c> operable: OS service hosting, metrics and the optional HTTP endpoint.</summary>
internal static class OperationsRegistration
{
    /// <summary>Windows service name used by <c>sc create</c> in docs/service.md.</summary>
    public const string WindowsServiceName = "PipelineSeg";

    /// <summary>After <see cref="ServiceRegistration.AddPipelineSegService"/>: the endpoint starts last, once folders exist.</summary>
    public static IHostApplicationBuilder AddPipelineSegOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Each does nothing unless the process was started by that service manager: under systemd, readiness and
        // stopping are reported through sd_notify (Type=notify) and logs get syslog priorities; under the Windows
        // service control manager, start/stop come from it.
        services.AddSystemd();
        services.AddWindowsService(o => o.ServiceName = WindowsServiceName);

        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<IJobObserver, MetricsJobObserver>();
        services.AddSingleton<JobFiles>();
        services.AddSingleton<DashboardSource>();
        services.AddSingleton<OperationsServer>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsServer>());
        return builder;
    }
}
