using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary><c>serve</c> from a configuration file: an export folder dropped while it runs, claimed into work/, done/, health, the journal, no input names.</summary>
public sealed class ServeTests
{
    [SkippableFact]
    public async Task Serve_processes_an_export_dropped_into_a_watched_folder_and_stops_gracefully_on_SIGTERM()
    {
        var root = TestPaths.NewTempDirectory("e2e-serve");
        try
        {
            var (input, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            var config = Path.Combine(root, "serve.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
            {
                Intake = new { WatchFolders = new[] { new { Path = input, Output = output } }, SettleTime = "00:00:01", RescanInterval = "00:00:02" },
                Health = new { Period = "00:00:01" },
            }));
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", Path.Combine(root, "staging"), "--seed", "21", "--size", "64", "--slices", "6").ExitCode);
            // PACS exports are often named after the patient: this name must reach neither the log nor the output.
            const string patientNamed = "DOE^JOHN 19700101";

            using var serve = ServeProcess.Start("--config", config);
            // The first health report already judges a ready service: every folder is created at start (it used to
            // say Unhealthy until the first job created the output folder, and the test raced that report).
            var health = Path.Combine(output, ".pipelineseg", "health.json");
            await serve.WaitUntilAsync(() => File.Exists(health), "health.json in the data directory");
            Assert.Equal("Healthy", await HealthStatusAsync(health));

            // Drop the export the way PACS does: it appears in the watched folder while the service runs.
            Directory.Move(Path.Combine(root, "staging", "phantom-0021"), Path.Combine(input, patientNamed));
            var line = await serve.WaitForLogAsync("Job 1 done:");
            Assert.Contains("1 segmented", line, StringComparison.Ordinal);
            Assert.Equal(0, serve.Stop());

            // Results are named by SeriesInstanceUID; the input was claimed by a rename and ended in done/ under a hash.
            var result = Assert.Single(Directory.GetDirectories(output), d => !Path.GetFileName(d).StartsWith('.'));
            Assert.Matches("^[0-9.]+$", Path.GetFileName(result));
            Assert.True(File.Exists(Path.Combine(result, "segmentation.dcm")));
            Assert.True(File.Exists(Path.Combine(result, "report.json")));
            var done = Assert.Single(Directory.GetDirectories(Path.Combine(root, "done")));
            Assert.Matches("^in-[0-9a-f]{12}$", Path.GetFileName(done));
            Assert.Empty(Directory.GetFileSystemEntries(input));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(root, "work")));
            Assert.Equal("Healthy", await HealthStatusAsync(health));
            Assert.DoesNotContain("DOE", serve.Log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories), p => p.Contains("DOE", StringComparison.OrdinalIgnoreCase));
            var jobs = PipelineSegCli.Run("jobs", "--config", config, "--json");
            Assert.Equal(0, jobs.ExitCode);
            using var journal = JsonDocument.Parse(jobs.StandardOutput);
            var job = Assert.Single(journal.RootElement.EnumerateArray());
            Assert.Equal("succeeded", job.GetProperty("state").GetString());
            Assert.Equal(Path.GetFileName(done), job.GetProperty("input").GetString());
            Assert.Matches("^[0-9a-f]{16}$", job.GetProperty("seriesUidHash").GetString()!);
            Assert.Contains("unet-liver-phantom", job.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string?> HealthStatusAsync(string path)
    {
        using var health = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        return health.RootElement.GetProperty("status").GetString();
    }
}
