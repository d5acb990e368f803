using System.Globalization;
using System.Text.Json;
using PipelineSeg.Jobs;
using Xunit.Abstractions;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>
/// Issue 10, 9(d): the output disk is full (a real, small tmpfs mounted for the test, filled up): the job hits ENOSPC,
/// is retried with backoff, and succeeds once space is freed; nothing is lost and no partial result stays behind.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private static readonly Prerequisite TmpfsMount = new("tmpfs-mount",
        "mounting a small tmpfs for the output (mount -t tmpfs): run the tests as root, as CI does", Probe);

    [SkippableFact]
    public async Task A_full_output_disk_is_a_transient_fault_retried_until_space_is_back()
    {
        TmpfsMount.Require();
        using var folders = new ServeFolders("e2e-disk-full");
        Directory.CreateDirectory(folders.Output);
        Mount(folders.Output, "1m");
        try
        {
            var exports = Inputs.Phantoms(folders.Root, 2, seed: 600);
            // Fill the disk to the last byte (the journal lives elsewhere: the data directory is not on this disk).
            var filler = Path.Combine(folders.Output, "filler");
            Fill(filler);
            var config = Path.Combine(folders.Root, "retries.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
            {
                Service = new { DataDirectory = Path.Combine(folders.Root, "data") },
                Retries = new { MaxAttempts = 20, Delay = "00:00:00.500", MaxDelay = "00:00:01" },
            }));
            using var serve = ServeProcess.Start(["--config", config, .. folders.Args(quietSeconds: 0)]);
            await serve.WaitForLogAsync("service started");
            for (var i = 0; i < exports.Count; i++)
            {
                Directory.Move(exports[i], Path.Combine(folders.Inbox, $"e{i}"));
            }
            var retry = await serve.WaitForLogAsync("hit a transient fault");
            Assert.Contains("No space left on device", serve.Log, StringComparison.Ordinal);
            await Task.Delay(1500); // a few more failed attempts
            File.Delete(filler);
            await serve.WaitForLogAsync("Job 2 done:");
            Assert.Equal(0, serve.Stop());

            var journal = new PipelineSeg.Jobs.Sqlite.SqliteJobJournal(Path.Combine(folders.Root, "data", "state", "journal.db"));
            var jobs = await journal.ListAsync(null, CancellationToken.None);
            Assert.Equal(2, jobs.Count);
            Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
            Assert.True(jobs[0].Attempts >= 2, $"attempts {jobs[0].Attempts}");
            Assert.Equal(2, Directory.GetDirectories(folders.Done).Length);
            Assert.Equal(2, folders.Results.Count);
            Assert.All(folders.Results, r => Assert.NotEmpty(PipelineSeg.Dicom.Seg.SegmentationReader.Read(Path.Combine(r, "segmentation.dcm")).Segments));
            Assert.Empty(folders.Temporaries);
            output.WriteLine($"disk full: first retry '{retry.Trim()}'; attempts per job {string.Join(", ", jobs.Select(j => j.Attempts))}; both succeeded after space was freed");
        }
        finally
        {
            ExternalTool.Run("umount", [folders.Output]);
        }
    }

    private static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static void Mount(string folder, string size)
    {
        var run = ExternalTool.Run("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder]);
        Assert.True(run.ExitCode == 0, run.Combined);
    }

    private static bool Probe()
    {
        var folder = Directory.CreateTempSubdirectory("pipelineseg-tmpfs-probe-").FullName;
        try
        {
            var mounted = ExternalTool.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]).ExitCode == 0;
            if (mounted)
            {
                ExternalTool.Run("umount", [folder]);
            }
            return mounted;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no mount command
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
