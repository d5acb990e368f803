using PipelineSeg.Jobs;
using PipelineSeg.Jobs.Sqlite;
using Xunit.Abstractions;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>
/// Issue 10, 9(f): the journal survives kill -9 during its own writes. Inputs that fail at once keep the service
/// writing the journal several times a second (enqueue, claim, fail), so a kill at a random moment lands in or between
/// those writes; after every kill the file must open sound and the next run must go on from it.
/// </summary>
public sealed class JournalKillTests(ITestOutputHelper output)
{
    private const int Count = 20;
    private const int Kills = 5;
    private const int PerRound = Count / Kills;

    [SkippableFact]
    public async Task The_journal_stays_sound_through_kill_9_during_its_writes_and_no_job_is_lost_or_doubled()
    {
        using var folders = new ServeFolders("e2e-journal-kill");
        var exports = Enumerable.Range(0, Count).Select(i => Inputs.NotDicom(folders.Root, $"x{i:D2}", files: 1)).ToList();
        var expected = Inputs.FileNames(exports);

        var random = new Random(9);
        var recordedAtKill = new List<int>();
        for (var round = 0; round < Kills; round++)
        {
            // Each run gets its share of new inputs; it is killed a random moment after its first job failed, while
            // it is claiming, enqueuing and failing the others (several journal writes each).
            foreach (var export in exports.Skip(round * PerRound).Take(PerRound))
            {
                Directory.Move(export, Path.Combine(folders.Inbox, Path.GetFileName(export)));
            }
            using var serve = ServeProcess.Start(folders.Args(quietSeconds: 0));
            await serve.WaitForLogAsync("Job ", " failed (");
            await Task.Delay(random.Next(0, 300));
            serve.Kill();
            var journal = new SqliteJobJournal(folders.Journal);
            Assert.Equal("ok", await journal.CheckIntegrityAsync(CancellationToken.None));
            recordedAtKill.Add((await journal.ListAsync(null, CancellationToken.None)).Count(j => j.State == JobState.Failed));
        }
        using (var last = ServeProcess.Start(folders.Args(quietSeconds: 0)))
        {
            await last.WaitForLogAsync("service started"); // a SIGTERM before start-up completes is a cancelled start (exit 1)
            await last.WaitUntilAsync(folders.Idle, "every input finished");
            Assert.True(last.Stop() == 0, last.Log);
        }

        var jobs = folders.JournalJobs();
        Assert.True(jobs.Count == Count, $"{jobs.Count} jobs: {string.Join("; ", jobs.Select(j => $"{j.Id} {j.State} {j.Request.WorkName} {j.Error}"))}");
        Assert.All(jobs, j => Assert.Equal(JobState.Failed, j.State));
        Assert.Equal(Count, jobs.Select(j => j.Request.WorkName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, Inputs.FileNames([folders.Failed]).Where(n => n != "error.json"));
        Assert.Equal(Count, Directory.GetDirectories(folders.Failed).Length);
        Assert.Empty(Inputs.FileNames([folders.Done]));
        Assert.True(folders.Temporaries.Count == 0, string.Join(", ", folders.Temporaries));
        output.WriteLine($"journal kill -9 x{Kills}: failed jobs recorded at each kill {string.Join(", ", recordedAtKill)} (of {PerRound} more per run); integrity_check ok after every kill; "
            + $"final {jobs.Count} jobs, each input once in failed/ with error.json");
    }
}
