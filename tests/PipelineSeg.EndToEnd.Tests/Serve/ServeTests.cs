using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary><c>serve</c> from a configuration file: an export folder dropped while it runs, health, shutdown, no input names.</summary>
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
            var line = await serve.WaitForLogAsync("export-", ": processed,");
            Assert.Contains("1 segmented", line, StringComparison.Ordinal);
            Assert.Equal(0, serve.Stop());

            var result = Assert.Single(Directory.GetDirectories(output), d => !Path.GetFileName(d).StartsWith('.'));
            Assert.Matches("^export-[0-9a-f]{12}$", Path.GetFileName(result));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result, "batch-summary.json")));
            Assert.Equal("succeeded", json.RootElement.GetProperty("series")[0].GetProperty("status").GetString());
            Assert.Equal("Healthy", await HealthStatusAsync(health));
            Assert.DoesNotContain("DOE", serve.Log, StringComparison.OrdinalIgnoreCase);
            // The one place that maps the id back to the input is the service's state, not logs or outputs.
            var outcome = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(Path.Combine(output, ".pipelineseg", "state", "outcomes.jsonl")))).RootElement;
            Assert.Equal(Path.GetFileName(result), outcome.GetProperty("id").GetString());
            Assert.Equal(patientNamed, outcome.GetProperty("input").GetString());
            Assert.Equal("processed", outcome.GetProperty("outcome").GetString());
            Assert.DoesNotContain(Directory.GetFileSystemEntries(output, "*", SearchOption.AllDirectories), p => p.Contains("DOE", StringComparison.OrdinalIgnoreCase));
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
