using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary><c>serve --inbox --output</c> without a configuration file, DICOM files dropped flat, a duplicate after a restart, a failing job.</summary>
public sealed class ServeQuickStartTests
{
    [SkippableFact]
    public async Task Files_dropped_flat_are_grouped_by_series_processed_once_and_a_resent_copy_after_a_restart_is_a_duplicate()
    {
        using var folders = new ServeFolders("e2e-serve-flat");
        using (var serve = ServeProcess.Start(folders.Args()))
        {
            await serve.WaitForLogAsync("service started");
            foreach (var folder in new[] { folders.Inbox, folders.Output, folders.Work, folders.Done, folders.Failed, Path.Combine(folders.Output, ".pipelineseg", "state") })
            {
                Assert.True(Directory.Exists(folder), $"{folder} not created at start");
            }
            DropFlat(folders.Root, folders.Inbox, "phantom-0001");
            var line = await serve.WaitForLogAsync("Job 1 done:");
            Assert.Contains("1 segmented", line, StringComparison.Ordinal);
            Assert.Equal(0, serve.Stop());
        }
        var result = Assert.Single(folders.Results);
        var done = Assert.Single(Directory.GetDirectories(folders.Done));
        Assert.StartsWith("loose-", Path.GetFileName(done), StringComparison.Ordinal);

        // The same series again: the journal knows it (same series, same pipeline version), so it is not processed twice.
        using var again = ServeProcess.Start(folders.Args());
        await again.WaitForLogAsync("service started");
        DropFlat(folders.Root, folders.Inbox, "phantom-0001");
        var duplicate = await again.WaitForLogAsync("duplicate of job 1");
        Assert.Contains("moved to done/ unprocessed", duplicate, StringComparison.Ordinal);
        Assert.Equal(0, again.Stop());
        Assert.Equal([result], folders.Results);
        Assert.Equal(2, Directory.GetDirectories(folders.Done).Length);
        Assert.Single(folders.JournalJobs());
    }

    [SkippableFact]
    public async Task A_job_that_cannot_run_goes_to_failed_with_error_json_and_jobs_retry_requeues_it()
    {
        using var folders = new ServeFolders("e2e-serve-fail");
        var config = Path.Combine(folders.Root, "no-plugins.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Plugins = new { Directory = Directory.CreateDirectory(Path.Combine(folders.Root, "empty")).FullName } }));
        using (var serve = ServeProcess.Start(["--config", config, .. folders.Args()]))
        {
            await serve.WaitForLogAsync("service started");
            DropFlat(folders.Root, folders.Inbox, "phantom-0002");
            var line = await serve.WaitForLogAsync("Job 1 failed (permanent");
            Assert.Contains("unet-liver-phantom", line, StringComparison.Ordinal);
            Assert.Equal(0, serve.Stop());
        }
        var failed = Assert.Single(Directory.GetDirectories(folders.Failed));
        using (var error = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(failed, "error.json"))))
        {
            var e = error.RootElement;
            Assert.Contains("unet-liver-phantom", e.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("segment", e.GetProperty("stage").GetString());
            Assert.Equal("KeyNotFoundException", e.GetProperty("exceptionType").GetString());
            Assert.Equal("liver", e.GetProperty("pipeline").GetString());
            foreach (var key in new[] { "time", "pipelineVersion", "pluginVersion" })
            {
                Assert.True(e.TryGetProperty(key, out _), key);
            }
        }
        var listed = PipelineSegCli.Run("jobs", "--inbox", folders.Inbox, "--output", folders.Output, "--state", "failed");
        Assert.Contains("\tfailed\t", listed.StandardOutput, StringComparison.Ordinal);

        // With the model installed (the default configuration) the retried job succeeds.
        var retry = PipelineSegCli.Run("jobs", "retry", "1", "--inbox", folders.Inbox, "--output", folders.Output);
        Assert.True(retry.ExitCode == 0, retry.Combined);
        Assert.Empty(Directory.GetDirectories(folders.Failed));
        using var serveAgain = ServeProcess.Start(folders.Args());
        await serveAgain.WaitForLogAsync("Job 1 done:");
        Assert.Equal(0, serveAgain.Stop());
        Assert.Single(folders.Results);
        Assert.Equal(1, PipelineSegCli.Run("jobs", "retry", "1", "--inbox", folders.Inbox, "--output", folders.Output).ExitCode); // succeeded: not retried
    }

    /// <summary>Copies a sample CT next to the inbox, then moves its files in one by one (renames: each file appears whole).</summary>
    internal static void DropFlat(string root, string inbox, string sample)
    {
        var staging = Directory.CreateDirectory(Path.Combine(root, "staging-" + sample + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;
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
