using System.Diagnostics;
using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

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
                Health = new { StatusFile = Path.Combine(root, "health.json"), Period = "00:00:01" },
            }));
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", Path.Combine(root, "staging"), "--seed", "21", "--size", "64", "--slices", "6").ExitCode);

            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { PipelineSegCli.Dll, "serve", "--config", config })
            {
                psi.ArgumentList.Add(a);
            }
            using var serve = Process.Start(psi)!;
            var log = serve.StandardError.ReadToEndAsync();
            _ = serve.StandardOutput.ReadToEndAsync();
            try
            {
                // Drop the export the way PACS does: it appears in the watched folder while the service runs.
                await WaitUntilAsync(() => Directory.Exists(input), TimeSpan.FromSeconds(30));
                Directory.Move(Path.Combine(root, "staging", "phantom-0021"), Path.Combine(input, "phantom-0021"));
                var summary = Path.Combine(output, "phantom-0021", "batch-summary.json");
                await WaitUntilAsync(() => File.Exists(summary), TimeSpan.FromSeconds(90));
                await WaitUntilAsync(() => File.Exists(Path.Combine(root, "health.json")), TimeSpan.FromSeconds(30));
            }
            finally
            {
                // SIGTERM as a service manager sends it (sh's builtin kill: no procps needed).
                ExternalTool.Run("sh", ["-c", "kill -TERM " + serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                if (!serve.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    serve.Kill(entireProcessTree: true);
                }
            }
            var text = await log;
            Assert.True(serve.ExitCode == 0, text);
            Assert.Contains("1 segmented", text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "phantom-0021", "batch-summary.json")));
            Assert.Equal("succeeded", json.RootElement.GetProperty("series")[0].GetProperty("status").GetString());
            using var health = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "health.json")));
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"condition not met within {timeout}");
            await Task.Delay(200);
        }
    }
}
