using System.Text.RegularExpressions;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Jobs;
using PipelineSeg.Jobs.Sqlite;
using Xunit.Abstractions;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>Issue 10, 9(a): kill -9 at random points while the real service works through 20 inputs, five times over.</summary>
public sealed partial class KillRestartTests(ITestOutputHelper output)
{
    private const int Good = 18;
    private const int Bad = 2;
    private const int Kills = 5;

    [SkippableFact]
    public async Task Kill_9_at_random_points_during_20_jobs_and_5_restarts_ends_every_input_once_with_one_complete_SEG_per_good_series()
    {
        using var folders = new ServeFolders("e2e-kill");
        var exports = Inputs.Phantoms(folders.Root, Good, seed: 300).Concat(Enumerable.Range(0, Bad).Select(i => Inputs.NotDicom(folders.Root, $"junk{i}"))).ToList();
        var expected = Inputs.FileNames(exports);
        for (var i = 0; i < exports.Count; i++)
        {
            Directory.Move(exports[i], Path.Combine(folders.Inbox, $"export-{i:D2}"));
        }
        Directory.Delete(Path.Combine(folders.Root, "staging"), recursive: true);

        var random = new Random(20261205);
        var doneBeforeKill = new List<int>();
        var resumed = 0;
        for (var round = 0; round < Kills; round++)
        {
            using var serve = ServeProcess.Start(folders.Args(quietSeconds: 0));
            // Random points once work is under way (after 1-3 jobs of this run have finished): inside a batch, a
            // publish, a move, a claim or a journal write.
            var finished = random.Next(1, 4);
            // On a fast machine the inputs may run out before the last rounds: then the kill lands on an idle service.
            await serve.WaitUntilAsync(() => DoneLine().Matches(serve.Log).Count >= finished || folders.Idle(), $"{finished} job(s) done, or every input finished");
            await Task.Delay(random.Next(0, 1500));
            serve.Kill();
            doneBeforeKill.Add(DoneLine().Matches(serve.Log).Count);
            resumed += Recovered(serve.Log);
        }
        using (var last = ServeProcess.Start(folders.Args(quietSeconds: 0)))
        {
            await last.WaitForLogAsync("service started"); // a SIGTERM before start-up completes is a cancelled start (exit 1)
            await last.WaitUntilAsync(folders.Idle, "every input finished");
            resumed += Recovered(last.Log);
            Assert.True(last.Stop() == 0, last.Log);
        }

        // Every input file exactly once, in done/ or failed/; nothing left in the inbox or work/; no temporary files.
        Assert.Equal(expected, Inputs.FileNames([folders.Done, folders.Failed]).Where(n => n != "error.json"));
        Assert.Empty(Directory.GetFileSystemEntries(folders.Inbox));
        Assert.Empty(Directory.GetFileSystemEntries(folders.Work));
        Assert.True(folders.Temporaries.Count == 0, string.Join(", ", folders.Temporaries));
        // Exactly one complete SEG per good series; the bad inputs failed with their error.json.
        var results = folders.Results;
        Assert.Equal(Good, results.Count);
        Assert.All(results, r => Assert.NotEmpty(SegmentationReader.Read(Path.Combine(r, "segmentation.dcm")).Segments));
        var failed = Directory.GetDirectories(folders.Failed);
        Assert.Equal(Bad, failed.Length);
        Assert.All(failed, f => Assert.True(File.Exists(Path.Combine(f, "error.json")), f));
        var jobs = folders.JournalJobs();
        Assert.Equal(Good, jobs.Count(j => j.State == JobState.Succeeded));
        Assert.Equal(Bad, jobs.Count(j => j.State == JobState.Failed));
        Assert.Equal("ok", await new SqliteJobJournal(folders.Journal).CheckIntegrityAsync(CancellationToken.None));
        output.WriteLine($"kill -9 x{Kills} (then one clean run): jobs done before each kill {string.Join(", ", doneBeforeKill)}; "
            + $"{resumed} unfinished job(s) re-queued at restarts; attempts per job max {jobs.Max(j => j.Attempts)}, total {jobs.Sum(j => j.Attempts)}; "
            + $"final: {Good} succeeded with one SEG each, {Bad} failed with error.json, 0 lost, 0 duplicated, 0 temporary files");
    }

    private static int Recovered(string log) => RecoveryLine().Matches(log).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Job \d+ done:")]
    private static partial Regex DoneLine();

    [GeneratedRegex(@"Recovery: (\d+) unfinished")]
    private static partial Regex RecoveryLine();
}
