using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Health;

namespace PipelineSeg.Host.Operations;

/// <summary>
/// The endpoint's routes, all GET and read-only. <c>/health/live</c> answers while the process serves requests;
/// <c>/health/ready</c> and <c>/health</c> run every health check (journal, plugins, folders, disk space, queue) and answer
/// 503 when the service is Unhealthy, so a load balancer or systemd watchdog script can act on the status code alone.
/// </summary>
internal static class OperationsRoutes
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Maps the routes on <paramref name="app"/>, answering from the service's <paramref name="services"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, IServiceProvider services)
    {
        app.MapGet("/health/live", () => Results.Text("""{"status":"Alive"}""", "application/json"));
        app.MapGet("/health/ready", (CancellationToken ct) => HealthAsync(services, ct));
        app.MapGet("/health", (CancellationToken ct) => HealthAsync(services, ct));
        app.MapGet("/metrics", async (HttpContext http) =>
        {
            http.Response.ContentType = PrometheusText;
            await services.GetRequiredService<ServiceMetrics>().Registry
                .CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        });
    }

    private static async Task<IResult> HealthAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var json = HealthReportJson.Serialize(report, services.GetRequiredService<TimeProvider>().GetUtcNow());
        return Results.Text(json, "application/json", statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}
