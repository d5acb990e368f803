using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary>
/// The real service with its operations endpoint on and JSON logs: a phantom that carries a patient's name, id and date
/// of birth is segmented; /health, /metrics and the dashboard answer over loopback; no log line carries the patient.
/// </summary>
public sealed partial class ServeOperationsTests
{
    private const string PatientName = "ZZTOPPER^JANE";
    private const string PatientId = "PID-9931-77";
    private const string BirthDate = "19610415";

    [SkippableFact]
    public async Task Json_logs_never_carry_the_patient_and_health_metrics_and_dashboard_answer_while_serving()
    {
        var root = TestPaths.NewTempDirectory("e2e-serve-ops");
        try
        {
            var (inbox, output, staging) = (Path.Combine(root, "in"), Path.Combine(root, "out"), Path.Combine(root, "staging"));
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", staging, "--seed", "31", "--size", "64", "--slices", "6").ExitCode);
            var series = Path.Combine(staging, "phantom-0031");
            foreach (var file in Directory.GetFiles(series, "*", SearchOption.AllDirectories))
            {
                var result = ExternalTool.Run("dcmodify", ["-nb", "-i", $"(0010,0010)={PatientName}", "-i", $"(0010,0020)={PatientId}", "-i", $"(0010,0030)={BirthDate}", file]);
                Assert.True(result.ExitCode == 0, result.Combined);
            }
            var dump = ExternalTool.Run("dcmdump", ["+P", "0020,000e", Directory.GetFiles(series, "*.dcm", SearchOption.AllDirectories)[0]]);
            var seriesUid = dump.Combined[(dump.Combined.IndexOf('[', StringComparison.Ordinal) + 1)..dump.Combined.IndexOf(']', StringComparison.Ordinal)];

            var environment = new Dictionary<string, string>
            {
                ["PIPELINESEG_Logging__Console__FormatterName"] = "json",
                ["PIPELINESEG_Operations__Enabled"] = "true",
                ["PIPELINESEG_Operations__BindAddress"] = "127.0.0.1",
                ["PIPELINESEG_Operations__Port"] = "0",
                ["PIPELINESEG_Health__MinimumFreeSpaceMegabytes"] = "1",
            };
            using var serve = ServeProcess.Start(environment, "--inbox", inbox, "--output", output, "--quiet-seconds", "1");
            var listening = await serve.WaitForLogAsync("Operations endpoint listening on");
            var address = Address().Match(listening).Value;
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

            // A patient-named export folder, moved in whole as PACS does.
            Directory.Move(series, Path.Combine(inbox, "ZZTOPPER JANE 1961-04-15"));
            await serve.WaitUntilAsync(() => Directory.EnumerateFiles(output, "segmentation.dcm", SearchOption.AllDirectories)
                .Any(f => !f.Contains(Path.DirectorySeparatorChar + ".", StringComparison.Ordinal)), "a segmentation.dcm in the output");
            await serve.WaitUntilAsync(() => MetricAsync(http, "pipelineseg_slices_processed_total").GetAwaiter().GetResult() >= 6, "6 processed slices in /metrics");

            using (var health = await http.GetAsync(new Uri("/health", UriKind.Relative)))
            {
                var body = await health.Content.ReadAsStringAsync();
                Assert.True(health.StatusCode == HttpStatusCode.OK, body);
                using var report = JsonDocument.Parse(body);
                Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            }
            Assert.True(await MetricAsync(http, "pipelineseg_models_loaded") >= 1, "the bundled models are loaded"); // every bundled family
            Assert.Equal(0, await MetricAsync(http, "pipelineseg_plugin_failures"));
            Assert.Equal(1, await MetricAsync(http, "pipelineseg_job_duration_seconds_count"));

            using (var dashboard = await http.GetAsync(new Uri("/", UriKind.Relative)))
            {
                var html = await dashboard.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
                Assert.Contains("<td class=\"succeeded\">succeeded</td>", html, StringComparison.Ordinal);
                Assert.Contains("loaded: unet-liver-phantom", html, StringComparison.Ordinal);
                Assert.DoesNotContain("ZZTOPPER", html, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("default-src 'none'", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            }
            await DashboardInBrowserAsync(address);
            Assert.Equal(0, serve.Stop());

            var lines = serve.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                using var entry = JsonDocument.Parse(line); // every line is one JSON object
                Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
                // Series are named by their keyed hash in the service's logs, never by UID.
                foreach (var secret in new[] { "ZZTOPPER", "JANE", PatientId, BirthDate, "1961-04-15", seriesUid })
                {
                    Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// The dashboard and the job's report.html behind its link, in headless Chromium: every image loads, every request
    /// goes to the service on loopback (or is inline), screenshots saved with the others.
    /// </summary>
    private static async Task DashboardInBrowserAsync(string address)
    {
        static void AssertLoopback(Browser.PageCheck check, string address)
        {
            Assert.NotEmpty(check.Requests);
            Assert.All(check.Requests, url => Assert.True(url.StartsWith(address + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
                $"request off the machine: {url}"));
            Assert.Empty(check.ExternalReferences);
            Assert.All(check.Images, i => Assert.True(i.NaturalWidth > 0 && i.NaturalHeight > 0, $"image '{i.Alt}' did not load"));
        }
        var dashboard = await Browser.HeadlessChromium.OpenUrlAsync(address + "/", "dashboard.png");
        AssertLoopback(dashboard, address);
        Assert.True(new FileInfo(dashboard.Screenshot).Length > 5_000, "the dashboard screenshot is empty");
        var link = ReportLink().Match(dashboard.Content).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(link), "the dashboard links no report.html");
        var report = await Browser.HeadlessChromium.OpenUrlAsync(address + link, "dashboard-report.png");
        AssertLoopback(report, address);
        Assert.True(report.Images.Count >= Reporting.Html.SeriesFigures.AxialKeySlices + 2, $"report.html behind the dashboard shows {report.Images.Count} images");
    }

    [GeneratedRegex("href=\"(/jobs/[0-9]+/results/report\\.html)\"")]
    private static partial Regex ReportLink();

    /// <summary>The value of an unlabelled sample in the Prometheus text exposition.</summary>
    private static async Task<double> MetricAsync(HttpClient http, string name)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
    private static partial Regex Address();
}
