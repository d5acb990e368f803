using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary><c>serve --inbox --output</c> without a configuration file, DICOM files dropped flat, a restart, a failing job.</summary>
public sealed class ServeQuickStartTests
{
    [SkippableFact]
    public async Task Files_dropped_flat_are_grouped_by_series_processed_once_and_skipped_with_the_reason_after_a_restart()
    {
        var root = TestPaths.NewTempDirectory("e2e-serve-flat");
        try
        {
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            string[] args = ["--inbox", inbox, "--output", output, "--quiet-seconds", "1"];
            using (var serve = ServeProcess.Start(args))
            {
                await serve.WaitForLogAsync("service started");
                foreach (var folder in new[] { inbox, output, Path.Combine(output, ".pipelineseg", "work"), Path.Combine(output, ".pipelineseg", "state") })
                {
                    Assert.True(Directory.Exists(folder), $"{folder} not created at start");
                }
                DropFlat(root, inbox, "phantom-0001");
                var line = await serve.WaitForLogAsync("series-", ": processed,");
                Assert.Contains("1 segmented", line, StringComparison.Ordinal);
                Assert.Equal(0, serve.Stop());
            }
            var result = Assert.Single(Directory.GetDirectories(output), d => !Path.GetFileName(d).StartsWith('.'));
            Assert.Matches("^series-[0-9a-f]{12}$", Path.GetFileName(result));
            using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result, "batch-summary.json"))))
            {
                Assert.Equal("succeeded", json.RootElement.GetProperty("series")[0].GetProperty("status").GetString());
            }

            using var again = ServeProcess.Start(args);
            var skipped = await again.WaitForLogAsync(Path.GetFileName(result), ": skipped, already processed");
            Assert.Contains("newer than the newest input file", skipped, StringComparison.Ordinal);
            Assert.Equal(0, again.Stop());
            var outcomes = (await File.ReadAllLinesAsync(Path.Combine(output, ".pipelineseg", "state", "outcomes.jsonl")))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString());
            Assert.True(outcomes.SequenceEqual(["processed", "skipped"]), $"{string.Join(", ", outcomes)}\n{again.Log}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_job_that_cannot_run_is_logged_as_failed_with_the_reason()
    {
        var root = TestPaths.NewTempDirectory("e2e-serve-fail");
        try
        {
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            var config = Path.Combine(root, "no-plugins.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Plugins = new { Directory = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName } }));
            using var serve = ServeProcess.Start("--config", config, "--inbox", inbox, "--output", output, "--quiet-seconds", "1");
            await serve.WaitForLogAsync("service started");
            DropFlat(root, inbox, "phantom-0002");
            var line = await serve.WaitForLogAsync("series-", ": failed:");
            Assert.Contains("unet-liver-phantom", line, StringComparison.Ordinal);
            Assert.Equal(0, serve.Stop());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Copies a sample CT next to the inbox, then moves its files in one by one (renames: each file appears whole).</summary>
    private static void DropFlat(string root, string inbox, string sample)
    {
        var staging = Directory.CreateDirectory(Path.Combine(root, "staging-" + sample)).FullName;
        var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", sample, "ct"));
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }
        foreach (var file in files)
        {
            File.Move(Path.Combine(staging, Path.GetFileName(file)), Path.Combine(inbox, Path.GetFileName(file)));
        }
    }
}
