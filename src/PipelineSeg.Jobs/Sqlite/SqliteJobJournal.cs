using System.Data.Common;
using Microsoft.Data.Sqlite;
using PipelineSeg.Jobs.Sql;

namespace PipelineSeg.Jobs.Sqlite;

/// <summary>
/// The journal in one SQLite file (embedded, the default): WAL, <c>synchronous = FULL</c> on every connection so each
/// committed transition is on disk before the call returns (the service then moves files on the strength of it).
/// Every transition is a single statement, hence atomic; SQLite serialises writers, so a claim is never granted twice.
/// </summary>
public sealed class SqliteJobJournal : IJobJournal
{
    private readonly string _connectionString;

    /// <summary>A journal in the file <paramref name="path"/> (created with its folder when missing).</summary>
    public SqliteJobJournal(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30, // seconds a writer waits for another (the `jobs retry` command) before failing
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var version = Command(connection, "PRAGMA user_version");
        var found = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (found > SqliteSchema.Version)
        {
            throw new InvalidDataException($"job journal {Path} has schema version {found}; this PipelineSeg knows up to {SqliteSchema.Version}");
        }
        await using var create = Command(connection, SqliteSchema.Create);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnqueueResult> EnqueueAsync(JobRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // SQLite has no row locks: the single UPDATE runs under the database write lock, which is the atomic claim.
        await using var claim = Command(connection, JobStatements.ClaimNext(rowLock: string.Empty), ("@owner", owner), ("@now", JobColumns.Ms(now)));
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var resume = Command(connection, JobStatements.Resume, ("@owner", owner), ("@now", JobColumns.Ms(now)));
        return await JobColumns.AllAsync(resume, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.ById, ("@id", id));
        return await JobColumns.SingleAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> FindByWorkNameAsync(string workName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.ByWorkName, ("@work", workName));
        return await JobColumns.SingleAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobRecord>> ListAsync(JobState? state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, JobStatements.List, ("@state", state is { } s ? JobStates.Name(s) : null));
        return await JobColumns.AllAsync(select, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>: "ok" for a sound file (the reliability tests check it after kill -9).</summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var check = Command(connection, "PRAGMA integrity_check");
        return Convert.ToString(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private async Task<bool> ChangeAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection (not stored in the file): a commit returns only after the WAL is synced to disk.
            await using var pragma = Command(connection, "PRAGMA synchronous = FULL");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is our constant text; values travel as parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}
