using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Health;
using PipelineSeg.Host.Operations.Dashboard;
using PipelineSeg.Jobs;

namespace PipelineSeg.Host.Operations;

/// <summary>
/// The endpoint's routes, all GET and read-only. <c>/health/live</c> answers while the process serves requests;
/// <c>/health/ready</c> and <c>/health</c> run every health check (journal, plugins, folders, disk space) and answer
/// 503 when the service is Unhealthy, so a load balancer or systemd watchdog script can act on the status code alone.
/// <c>/</c> is the job dashboard; <c>/jobs/{id}/…</c> serve a job's report files and error.json for its links.
/// </summary>
internal static class OperationsRoutes
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    // Pages served here load nothing from elsewhere: images and styles only from this endpoint or inline.
    private const string ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static readonly Dictionary<string, string> ResultTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".csv"] = "text/csv",
    };

    /// <summary>Maps the routes on <paramref name="app"/>, answering from the service's <paramref name="services"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, IServiceProvider services)
    {
        app.MapGet("/health/live", () => Results.Text("""{"status":"Alive"}""", "application/json"));
        app.MapGet("/health/ready", (CancellationToken ct) => HealthAsync(services, ct));
        app.MapGet("/health", (CancellationToken ct) => HealthAsync(services, ct));
        app.MapGet("/", async (HttpContext http) =>
        {
            var model = await services.GetRequiredService<DashboardSource>().LoadAsync(http.RequestAborted).ConfigureAwait(false);
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.Content(DashboardPage.Render(model), "text/html; charset=utf-8");
        });
        app.MapGet("/jobs/{id:long}/error.json", async (long id, HttpContext http) =>
        {
            var job = await services.GetRequiredService<IJobJournal>().GetAsync(id, http.RequestAborted).ConfigureAwait(false);
            var file = job is null ? null : services.GetRequiredService<JobFiles>().ErrorFile(job);
            return file is null ? Results.NotFound() : Results.File(file, "application/json");
        });
        app.MapGet("/jobs/{id:long}/results/{file}", async (long id, string file, HttpContext http) =>
        {
            // Only the report files of the result folder, by plain name: no path reaches outside it.
            if (!ResultTypes.TryGetValue(Path.GetExtension(file), out var type) || file != Path.GetFileName(file))
            {
                return Results.NotFound();
            }
            var job = await services.GetRequiredService<IJobJournal>().GetAsync(id, http.RequestAborted).ConfigureAwait(false);
            var folder = job is null ? null : services.GetRequiredService<JobFiles>().ResultFolder(job);
            var path = folder is null ? null : Path.Combine(folder, file);
            if (path is null || !File.Exists(path))
            {
                return Results.NotFound();
            }
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.File(path, type);
        });
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
