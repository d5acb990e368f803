using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Operations;

namespace PipelineSeg.Host.Tests.Operations;

/// <summary>The operations endpoint of a real serve host, fetched with a real HTTP client over loopback.</summary>
public sealed class OperationsEndpointTests
{
    [SkippableFact]
    public async Task Health_metrics_and_liveness_answer_over_loopback_and_health_says_why_it_is_not_ready()
    {
        var root = TestPaths.NewTempDirectory("ops-endpoint");
        try
        {
            // No plugin folder: the service runs but cannot segment, so readiness must say 503 and name the plugins.
            using var host = BuildServeHost(root, new() { ["Plugins:Directory"] = Path.Combine(root, "no-plugins") });
            await host.StartAsync();
            var server = host.Services.GetRequiredService<OperationsServer>();
            var address = Assert.Single(server.Addresses);
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
            var checks = report.RootElement.GetProperty("checks");
            Assert.Equal("Unhealthy", checks.GetProperty("plugins").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("disk-space").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("watch-folders").GetProperty("status").GetString());

            using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            var text = await metrics.Content.ReadAsStringAsync();
            Assert.Contains("pipelineseg_queue_depth 0", text, StringComparison.Ordinal);
            Assert.Contains("pipelineseg_models_loaded 0", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE pipelineseg_job_duration_seconds histogram", text, StringComparison.Ordinal);

            // Read-only: nothing answers a write.
            using var post = await http.PostAsync(new Uri("/metrics", UriKind.Relative), new StringContent(""));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Endpoint_is_off_by_default()
    {
        var root = TestPaths.NewTempDirectory("ops-off");
        try
        {
            using var host = BuildServeHost(root, new() { ["Operations:Enabled"] = null });
            await host.StartAsync();
            Assert.Empty(host.Services.GetRequiredService<OperationsServer>().Addresses);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_port_in_use_stops_serve_with_exit_code_2_naming_the_setting()
    {
        var root = TestPaths.NewTempDirectory("ops-busy");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var config = Path.Combine(root, "serve.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Operations = new { Enabled = true, BindAddress = "127.0.0.1", Port = port } }));
            var (code, _, error) = await Cli.CliRun.RunAsync("serve", "--config", config, "--inbox", Path.Combine(root, "in"), "--output", Path.Combine(root, "out"));
            Assert.Equal(2, code);
            Assert.Contains($"Operations:Port {port}", error, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
            Directory.Delete(root, recursive: true);
        }
    }

    private static IHost BuildServeHost(string root, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Intake:WatchFolders:0:Path"] = Path.Combine(root, "in"),
            ["Intake:WatchFolders:0:Output"] = Path.Combine(root, "out"),
            ["Operations:Enabled"] = "true",
            ["Operations:BindAddress"] = "127.0.0.1",
            ["Operations:Port"] = "0",
            ["Health:MinimumFreeSpaceMegabytes"] = "1",
        };
        foreach (var (key, value) in extra)
        {
            // null: leave the setting to the shipped configuration.
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }
        var builder = PipelineSegHostBuilder.Create(null, settings, verbose: false);
        builder.AddPipelineSegProcessing().AddPipelineSegService().AddPipelineSegOperations();
        return builder.Build();
    }
}
