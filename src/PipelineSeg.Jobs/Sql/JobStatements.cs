namespace PipelineSeg.Jobs.Sql;

/// <summary>
/// The journal's state transitions in SQL that SQLite (3.35+) and PostgreSQL both run as written; only the choice of
/// the row to claim differs (<see cref="ClaimNext"/> takes the provider's row-lock suffix). Parameters are named
/// <c>@name</c>, which both providers accept.
/// </summary>
internal static class JobStatements
{
    public const string Enqueue = "INSERT INTO jobs (dedup_key, origin, work_name, series_uid_hash, content_hash, pipeline, pipeline_version, model_version, "
        + "state, attempts, enqueued_ms, not_before_ms) VALUES (@dedup, @origin, @work, @series, @content, @pipeline, @pversion, @mversion, 'queued', 0, @now, @now) "
        + "ON CONFLICT (dedup_key) DO NOTHING";

    public const string ByDedupKey = "SELECT " + JobColumns.List + " FROM jobs WHERE dedup_key = @dedup";

    public const string ById = "SELECT " + JobColumns.List + " FROM jobs WHERE id = @id";

    public const string ByWorkName = "SELECT " + JobColumns.List + " FROM jobs WHERE work_name = @work ORDER BY id DESC LIMIT 1";

    public const string List = "SELECT " + JobColumns.List + " FROM jobs WHERE (@state IS NULL OR state = @state) ORDER BY id";

    /// <summary>Compare-and-set claim of the oldest due queued job; <paramref name="rowLock"/> is e.g. "FOR UPDATE SKIP LOCKED".</summary>
    public static string ClaimNext(string rowLock) => "UPDATE jobs SET state = 'running', owner = @owner, attempts = attempts + 1, started_ms = @now "
        + "WHERE state = 'queued' AND id = (SELECT id FROM jobs WHERE state = 'queued' AND not_before_ms <= @now ORDER BY not_before_ms, id LIMIT 1 "
        + rowLock + ") RETURNING " + JobColumns.List;

    public const string RecordAttempt = "UPDATE jobs SET attempts = attempts + 1, error = @error, started_ms = @now "
        + "WHERE id = @id AND state = 'running' AND owner = @owner";

    public const string Complete = "UPDATE jobs SET state = 'succeeded', finished_ms = @now, owner = NULL "
        + "WHERE id = @id AND state = 'running' AND owner = @owner";

    public const string Fail = "UPDATE jobs SET state = 'failed', finished_ms = @now, owner = NULL, error = @error "
        + "WHERE id = @id AND state = 'running' AND owner = @owner";

    public const string Retry = "UPDATE jobs SET state = 'queued', not_before_ms = @now, finished_ms = NULL, owner = NULL, attempts = 0, error = NULL, "
        + "work_name = COALESCE(@work, work_name), content_hash = COALESCE(@content, content_hash) WHERE id = @id AND state = 'failed'";

    public const string Resume = "UPDATE jobs SET state = 'queued', owner = NULL, not_before_ms = @now "
        + "WHERE state = 'running' AND owner = @owner RETURNING " + JobColumns.List;
}
