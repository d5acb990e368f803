using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using PipelineSeg.Jobs.Sql;

namespace PipelineSeg.Jobs.Postgres;

/// <summary>
/// The journal in PostgreSQL, for several service instances sharing one inbox: the same statements as SQLite, and a
/// claim that picks its row with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers each lock a different queued row
/// instead of queueing behind one another, and the compare-and-set UPDATE grants each job to exactly one instance.
/// Every transition is one statement in its own (auto-committed) transaction: durable once the call returns.
/// </summary>
public sealed class PostgresJobJournal : IJobJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A journal in the database <paramref name="connectionString"/> names (its tables are created by <see cref="InitializeAsync"/>).</summary>
    public PostgresJobJournal(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = Command(connection, "SELECT pg_advisory_xact_lock(@key)", ("@key", PostgresSchema.CreateLock)))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var create = Command(connection, PostgresSchema.Create))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var version = Command(connection, PostgresSchema.ReadVersion))
        {
            var found = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (found > PostgresSchema.Version)
            {
                throw new InvalidDataException($"job journal has schema version {found}; this PipelineSeg knows up to {PostgresSchema.Version}");
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnqueueResult> EnqueueAsync(JobRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, JobStatements.Enqueue,
            ("@dedup", request.DedupKey), ("@origin", request.Origin), ("@work", request.WorkName), ("@series", request.SeriesUidHash), ("@content", request.ContentHash),
            ("@pipeline", request.Pipeline), ("@pversion", request.PipelineVersion), ("@mversion", request.ModelVersion), ("@now", JobColumns.Ms(now)));
        var created = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await using var select = Command(connection, JobStatements.ByDedupKey, ("@dedup", request.DedupKey));
        var job = await JobColumns.SingleAsync(select, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the job just enqueued is not in the journal");
        return new EnqueueResult(job, created);
    }

    public async Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = Command(connection, JobStatements.ClaimNext(rowLock: "FOR UPDATE SKIP LOCKED"), ("@owner", owner), ("@now", JobColumns.Ms(now)));
        return await JobColumns.SingleAsync(claim, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RecordAttemptAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(JobStatements.RecordAttempt, cancellationToken, ("@id", id), ("@owner", owner), ("@error", error), ("@now", JobColumns.Ms(now)));

    public Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(JobStatements.Complete, cancellationToken, ("@id", id), ("@owner", owner), ("@now", JobColumns.Ms(now)));

    public Task<bool> FailAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(JobStatements.Fail, cancellationToken, ("@id", id), ("@owner", owner), ("@error", error), ("@now", JobColumns.Ms(now)));

    public Task<bool> RetryAsync(long id, DateTimeOffset now, JobRequest? replacement, CancellationToken cancellationToken) =>
        ChangeAsync(JobStatements.Retry, cancellationToken, ("@id", id), ("@now", JobColumns.Ms(now)),
            ("@work", replacement?.WorkName), ("@content", replacement?.ContentHash));

    public async Task<IReadOnlyList<JobRecord>> ResumeAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var resume = Command(connection, JobStatements.Resume, ("@owner", owner), ("@now", JobColumns.Ms(now)));
        return await JobColumns.AllAsync(resume, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.ById, ("@id", id));
        return await JobColumns.SingleAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> FindByWorkNameAsync(string workName, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.ByWorkName, ("@work", workName));
        return await JobColumns.SingleAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobRecord>> ListAsync(JobState? state, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.List, ("@state", state is { } s ? JobStates.Name(s) : null));
        return await JobColumns.AllAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<bool> ChangeAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // the SQL is our constant text; values travel as parameters
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            // Typed explicitly: PostgreSQL cannot infer the type of a NULL in "@state IS NULL"; every nullable value here is text.
            command.Parameters.Add(new NpgsqlParameter(name, value is long ? NpgsqlDbType.Bigint : NpgsqlDbType.Text) { Value = value ?? DBNull.Value });
        }
        return command;
    }
}
