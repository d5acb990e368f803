using Npgsql;
using PipelineSeg.Jobs.Postgres;
using PipelineSeg.Jobs.Tests.Sqlite;

namespace PipelineSeg.Jobs.Tests.Postgres;

/// <summary>The PostgreSQL journal keeps the contract the SQLite one does, and its claim skips rows another instance holds.</summary>
public sealed class PostgresJobJournalTests(PostgresClusterFixture cluster) : IClassFixture<PostgresClusterFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = JournalFixture.T0;

    [SkippableFact]
    public async Task The_contract_holds_dedup_claim_owner_checks_backoff_retry_resume_and_listing()
    {
        await using var journal = await OpenAsync(cluster.NewDatabase());
        var a = await journal.EnqueueAsync(JournalFixture.Request("a"), T0, None);
        var again = await journal.EnqueueAsync(JournalFixture.Request("a", work: "other"), T0, None);
        var b = await journal.EnqueueAsync(JournalFixture.Request("b"), T0.AddSeconds(1), None);
        Assert.True(a.Created);
        Assert.False(again.Created);
        Assert.Equal(a.Job.Id, again.Job.Id);
        Assert.Equal("w-a", again.Job.Request.WorkName);

        var claimed = await journal.ClaimNextAsync("me", T0.AddSeconds(2), None);
        Assert.Equal(a.Job.Id, claimed!.Id);
        Assert.Equal((JobState.Running, 1, "me"), (claimed.State, claimed.Attempts, claimed.Owner));
        Assert.False(await journal.CompleteAsync(a.Job.Id, "someone else", T0, None));
        Assert.True(await journal.RecordAttemptAsync(a.Job.Id, "me", "transient: disk full", T0.AddSeconds(3), None));
        Assert.True(await journal.FailAsync(a.Job.Id, "me", "permanent: corrupt", T0.AddSeconds(4), None));
        var failed = await journal.GetAsync(a.Job.Id, None);
        Assert.Equal((JobState.Failed, 2, "permanent: corrupt"), (failed!.State, failed.Attempts, failed.Error));
        Assert.Equal(T0.AddSeconds(4), failed.FinishedUtc);
        Assert.Equal([a.Job.Id], (await journal.ListAsync(JobState.Failed, None)).Select(j => j.Id));
        Assert.Equal(2, (await journal.ListAsync(null, None)).Count);

        Assert.True(await journal.RetryAsync(a.Job.Id, T0.AddMinutes(1), JournalFixture.Request("a", work: "w-new"), None));
        Assert.False(await journal.RetryAsync(b.Job.Id, T0.AddMinutes(1), null, None));
        Assert.Equal(a.Job.Id, (await journal.FindByWorkNameAsync("w-new", None))!.Id);

        // b is due first (enqueued earlier than a's retry); the crashed owner's running job goes back to the queue.
        var crashed = await journal.ClaimNextAsync("crashed", T0.AddMinutes(2), None);
        Assert.Equal(b.Job.Id, crashed!.Id);
        var alive = await journal.ClaimNextAsync("alive", T0.AddMinutes(2), None);
        Assert.Equal(a.Job.Id, alive!.Id);
        var resumed = await journal.ResumeAsync("crashed", T0.AddMinutes(3), None);
        Assert.Equal([b.Job.Id], resumed.Select(j => j.Id));
        Assert.Equal(JobState.Running, (await journal.GetAsync(a.Job.Id, None))!.State);
        Assert.True(await journal.CompleteAsync(a.Job.Id, "alive", T0.AddMinutes(4), None));
        Assert.Null(await journal.ClaimNextAsync("x", T0.AddMinutes(2), None)); // b's not-before is its resume time
        Assert.Equal(2, (await journal.ClaimNextAsync("x", T0.AddMinutes(3), None))!.Attempts);
    }

    [SkippableFact]
    public async Task Two_instances_claiming_side_by_side_get_every_job_exactly_once()
    {
        var database = cluster.NewDatabase();
        // Two journals = two connection pools, as two service processes would have; both create the schema at once.
        await using var first = new PostgresJobJournal(database);
        await using var second = new PostgresJobJournal(database);
        await Task.WhenAll(first.InitializeAsync(None), second.InitializeAsync(None));
        for (var i = 0; i < 60; i++)
        {
            await first.EnqueueAsync(JournalFixture.Request($"s{i}"), T0, None);
        }
        var claimed = new System.Collections.Concurrent.ConcurrentBag<(long Id, string Owner)>();
        async Task Claimer(IJobJournal journal, string owner)
        {
            await Task.Yield();
            while (await journal.ClaimNextAsync(owner, T0, None) is { } job)
            {
                claimed.Add((job.Id, owner));
                Assert.True(await journal.CompleteAsync(job.Id, owner, T0, None));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Claimer(i % 2 == 0 ? first : second, $"instance-{i}"))));

        Assert.Equal(60, claimed.Count);
        Assert.Equal(60, claimed.Select(c => c.Id).Distinct().Count());
        Assert.Equal(60, (await second.ListAsync(JobState.Succeeded, None)).Count);
        Assert.True(claimed.Select(c => c.Owner).Distinct().Count() > 1, "one claimer took every job: the test did not run them side by side");
    }

    [SkippableFact]
    public async Task A_claim_skips_a_row_another_transaction_holds_instead_of_waiting_for_it()
    {
        var database = cluster.NewDatabase();
        await using var journal = await OpenAsync(database);
        var oldest = (await journal.EnqueueAsync(JournalFixture.Request("a"), T0, None)).Job;
        var next = (await journal.EnqueueAsync(JournalFixture.Request("b"), T0.AddSeconds(1), None)).Job;

        // Another instance is in the middle of claiming the oldest row: it holds the row lock.
        await using var other = new NpgsqlConnection(database);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT id FROM jobs WHERE id = @id FOR UPDATE", other, transaction))
        {
            hold.Parameters.AddWithValue("@id", oldest.Id);
            await hold.ExecuteScalarAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var claimed = await journal.ClaimNextAsync("me", T0.AddSeconds(2), timeout.Token);
        Assert.Equal(next.Id, claimed!.Id);
        await transaction.RollbackAsync();
        Assert.Equal(oldest.Id, (await journal.ClaimNextAsync("me", T0.AddSeconds(2), None))!.Id);
    }

    private static async Task<PostgresJobJournal> OpenAsync(string connectionString)
    {
        var journal = new PostgresJobJournal(connectionString);
        await journal.InitializeAsync(None);
        return journal;
    }
}
