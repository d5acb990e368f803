using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>Issue 10, 9(b): an export copied file by file, slower than the quiet period, with a marker file at the end.</summary>
public sealed class SlowCopyTests
{
    [SkippableFact]
    public async Task A_slow_copy_is_claimed_only_when_its_marker_appears_and_processed_whole()
    {
        using var folders = new ServeFolders("e2e-slow-copy");
        var export = Inputs.Phantoms(folders.Root, 1, seed: 400, slices: 5)[0];
        var files = Directory.GetFiles(export, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var config = Path.Combine(folders.Root, "marker.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Intake = new { RequireMarker = true, RescanInterval = "00:00:01" } }));

        using var serve = ServeProcess.Start(["--config", config, .. folders.Args(quietSeconds: 1)]);
        await serve.WaitForLogAsync("service started");
        var target = Directory.CreateDirectory(Path.Combine(folders.Inbox, "export")).FullName;
        foreach (var file in files)
        {
            var to = Path.Combine(target, Path.GetRelativePath(export, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            await Task.Delay(1600); // longer than the quiet period: without the marker rule this export would be taken in parts
        }
        Assert.DoesNotContain("Claiming", serve.Log, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(target, ".complete"), string.Empty);
        await serve.WaitForLogAsync("Job 1 done:");
        Assert.Equal(0, serve.Stop());

        Assert.Single(folders.JournalJobs());
        var done = Assert.Single(Directory.GetDirectories(folders.Done));
        Assert.Equal(files.Select(Path.GetFileName).Append(".complete").Order(StringComparer.Ordinal), ServeFolders.FileNames(done).Order(StringComparer.Ordinal));
        var result = Assert.Single(folders.Results);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result, "report.json")));
        Assert.Contains("\"slices\": 5", report.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
