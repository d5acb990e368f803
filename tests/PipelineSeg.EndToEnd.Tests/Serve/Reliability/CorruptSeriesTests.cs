using System.Text.Json;
using PipelineSeg.Jobs;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>Issue 10, 9(c): a corrupt file quarantines its own series only, even inside an export that holds another series.</summary>
public sealed class CorruptSeriesTests
{
    [SkippableFact]
    public async Task A_truncated_slice_sends_its_series_to_failed_with_error_json_and_the_other_series_are_done()
    {
        using var folders = new ServeFolders("e2e-corrupt");
        var phantoms = Inputs.Phantoms(folders.Root, 3, seed: 500);
        // One export with two series (the second has a slice cut off inside its pixel data), and one plain export.
        var mixed = Directory.CreateDirectory(Path.Combine(folders.Root, "staging", "mixed")).FullName;
        Directory.Move(phantoms[0], Path.Combine(mixed, "a"));
        Directory.Move(phantoms[1], Path.Combine(mixed, "b"));
        var broken = Directory.GetFiles(Path.Combine(mixed, "b", "ct")).Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(broken);
        await File.WriteAllBytesAsync(broken, bytes[..(bytes.Length - 700)]);

        using var serve = ServeProcess.Start(folders.Args(quietSeconds: 0));
        await serve.WaitForLogAsync("service started");
        Directory.Move(mixed, Path.Combine(folders.Inbox, "mixed"));
        Directory.Move(phantoms[2], Path.Combine(folders.Inbox, "plain"));
        await serve.WaitUntilAsync(folders.Idle, "every input finished");
        Assert.Equal(0, serve.Stop());

        var jobs = folders.JournalJobs();
        Assert.Equal(3, jobs.Count);
        Assert.Equal(2, jobs.Count(j => j.State == JobState.Succeeded));
        var failedJob = Assert.Single(jobs, j => j.State == JobState.Failed);
        Assert.Equal(1, failedJob.Attempts); // permanent: not retried
        Assert.Equal(2, folders.Results.Count);
        var failed = Assert.Single(Directory.GetDirectories(folders.Failed));
        Assert.Contains(Path.GetFileName(broken), ServeFolders.FileNames(failed));
        Assert.DoesNotContain(ServeFolders.FileNames(failed), n => n.StartsWith("00-", StringComparison.Ordinal)); // series a is not in it
        using var error = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(failed, "error.json")));
        var e = error.RootElement;
        Assert.Equal("permanent", e.GetProperty("kind").GetString());
        Assert.Equal("segment", e.GetProperty("stage").GetString());
        Assert.False(string.IsNullOrEmpty(e.GetProperty("exceptionType").GetString()));
        Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString()));
        Assert.Equal(failedJob.Id, e.GetProperty("jobId").GetInt64());
        Assert.Empty(folders.Temporaries);
    }
}
