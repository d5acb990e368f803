using PipelineSeg.Jobs.Sqlite;

namespace PipelineSeg.Jobs.Tests.Sqlite;

public sealed class SqliteJobJournalTests : IDisposable
{
    private readonly JournalFixture _f = new();
    private static readonly CancellationToken None = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    [SkippableFact]
    public async Task The_same_series_and_pipeline_version_is_one_job_and_a_new_version_is_another()
    {
        var first = await _f.Journal.EnqueueAsync(JournalFixture.Request("a"), JournalFixture.T0, None);
        var again = await _f.Journal.EnqueueAsync(JournalFixture.Request("a", work: "other"), JournalFixture.T0, None);
        var newVersion = await _f.Journal.EnqueueAsync(JournalFixture.Request("a", pipelineVersion: "2"), JournalFixture.T0, None);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Job.Id, again.Job.Id);
        Assert.Equal("w-a", again.Job.Request.WorkName);
        Assert.True(newVersion.Created);
        Assert.NotEqual(first.Job.Id, newVersion.Job.Id);
        Assert.Equal(JobState.Queued, first.Job.State);
    }

    [SkippableFact]
    public async Task A_claim_takes_the_oldest_due_job_once_and_a_finished_job_records_its_times()
    {
        var a = (await _f.Journal.EnqueueAsync(JournalFixture.Request("a"), JournalFixture.T0, None)).Job;
        await _f.Journal.EnqueueAsync(JournalFixture.Request("b"), JournalFixture.T0.AddSeconds(1), None);

        var claimed = await _f.Journal.ClaimNextAsync("me", JournalFixture.T0.AddSeconds(2), None);
        Assert.NotNull(claimed);
        Assert.Equal(a.Id, claimed.Id);
        Assert.Equal(JobState.Running, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal("me", claimed.Owner);

        Assert.False(await _f.Journal.CompleteAsync(a.Id, "someone else", JournalFixture.T0, None));
        Assert.True(await _f.Journal.CompleteAsync(a.Id, "me", JournalFixture.T0.AddSeconds(3), None));
        Assert.False(await _f.Journal.CompleteAsync(a.Id, "me", JournalFixture.T0.AddSeconds(3), None));
        var done = await _f.Journal.GetAsync(a.Id, None);
        Assert.Equal(JobState.Succeeded, done!.State);
        Assert.Equal(JournalFixture.T0.AddSeconds(2), done.StartedUtc);
        Assert.Equal(JournalFixture.T0.AddSeconds(3), done.FinishedUtc);
        Assert.Null(done.Owner);
    }

    [SkippableFact]
    public async Task Concurrent_claimers_on_one_file_never_get_the_same_job()
    {
        for (var i = 0; i < 40; i++)
        {
            await _f.Journal.EnqueueAsync(JournalFixture.Request($"s{i}"), JournalFixture.T0, None);
        }
        var second = new SqliteJobJournal(_f.Journal.Path); // another connection pool user, as a second process would be
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        async Task Claimer(IJobJournal journal, string owner)
        {
            while (await journal.ClaimNextAsync(owner, JournalFixture.T0, None) is { } job)
            {
                claimed.Add(job.Id);
            }
        }
        await Task.WhenAll(Claimer(_f.Journal, "a"), Claimer(second, "b"), Task.Run(() => Claimer(_f.Journal, "c")), Task.Run(() => Claimer(second, "d")));

        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
    }

    [SkippableFact]
    public async Task A_job_in_backoff_is_not_due_and_attempts_and_errors_are_recorded()
    {
        var job = (await _f.Journal.EnqueueAsync(JournalFixture.Request("a"), JournalFixture.T0, None)).Job;
        var claimed = await _f.Journal.ClaimNextAsync("me", JournalFixture.T0, None);
        Assert.True(await _f.Journal.RecordAttemptAsync(job.Id, "me", "transient: disk full", JournalFixture.T0.AddSeconds(1), None));
        Assert.True(await _f.Journal.FailAsync(job.Id, "me", "transient: disk full (3 attempts)", JournalFixture.T0.AddSeconds(2), None));

        var failed = await _f.Journal.GetAsync(job.Id, None);
        Assert.Equal(JobState.Failed, failed!.State);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("transient: disk full (3 attempts)", failed.Error);
        Assert.Single(await _f.Journal.ListAsync(JobState.Failed, None));
        Assert.Empty(await _f.Journal.ListAsync(JobState.Queued, None));
        Assert.Null(await _f.Journal.ClaimNextAsync("me", JournalFixture.T0.AddHours(1), None));
        Assert.NotNull(claimed);
    }

    [SkippableFact]
    public async Task Retry_requeues_only_a_failed_job_and_can_point_it_at_a_new_copy()
    {
        var job = (await _f.Journal.EnqueueAsync(JournalFixture.Request("a"), JournalFixture.T0, None)).Job;
        Assert.False(await _f.Journal.RetryAsync(job.Id, JournalFixture.T0, null, None));
        await _f.Journal.ClaimNextAsync("me", JournalFixture.T0, None);
        await _f.Journal.FailAsync(job.Id, "me", "permanent: corrupt", JournalFixture.T0, None);

        Assert.True(await _f.Journal.RetryAsync(job.Id, JournalFixture.T0.AddMinutes(1), JournalFixture.Request("a", work: "w-new"), None));
        var queued = await _f.Journal.GetAsync(job.Id, None);
        Assert.Equal(JobState.Queued, queued!.State);
        Assert.Equal("w-new", queued.Request.WorkName);
        Assert.Equal(0, queued.Attempts);
        Assert.Null(queued.Error);
        Assert.Equal(job.Id, (await _f.Journal.FindByWorkNameAsync("w-new", None))!.Id);
    }

    [SkippableFact]
    public async Task Resume_returns_only_the_owners_running_jobs_to_the_queue_and_the_file_survives_reopening()
    {
        var a = (await _f.Journal.EnqueueAsync(JournalFixture.Request("a"), JournalFixture.T0, None)).Job;
        var b = (await _f.Journal.EnqueueAsync(JournalFixture.Request("b"), JournalFixture.T0, None)).Job;
        await _f.Journal.ClaimNextAsync("crashed", JournalFixture.T0, None);
        await _f.Journal.ClaimNextAsync("alive", JournalFixture.T0, None);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var reopened = new SqliteJobJournal(_f.Journal.Path);
        await reopened.InitializeAsync(None);
        var resumed = await reopened.ResumeAsync("crashed", JournalFixture.T0.AddSeconds(5), None);

        Assert.Equal([a.Id], resumed.Select(j => j.Id));
        Assert.Equal(JobState.Queued, resumed[0].State);
        Assert.Equal(JobState.Running, (await reopened.GetAsync(b.Id, None))!.State);
        Assert.Equal("ok", await reopened.CheckIntegrityAsync(None));
        var again = await reopened.ClaimNextAsync("crashed", JournalFixture.T0.AddSeconds(5), None);
        Assert.Equal(2, again!.Attempts);
    }

    [SkippableFact]
    public async Task The_file_is_in_WAL_mode_and_states_round_trip_by_name()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_f.Journal.Path}");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        foreach (var state in Enum.GetValues<JobState>())
        {
            Assert.Equal(state, JobStates.Parse(JobStates.Name(state).ToUpperInvariant()));
        }
        Assert.Null(JobStates.Parse("done"));
    }
}
