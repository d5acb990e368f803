namespace PipelineSeg.Jobs.Sqlite;

/// <summary>The SQLite schema of the journal (version in <c>PRAGMA user_version</c>).</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    // WAL: readers (the `jobs` command) never block the service, and a kill -9 mid-write loses at most the
    // uncommitted transaction. The mode is stored in the file, so setting it once at creation is enough.
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS jobs (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            dedup_key        TEXT    NOT NULL UNIQUE,
            origin           TEXT    NOT NULL,
            work_name        TEXT    NOT NULL,
            series_uid_hash  TEXT    NOT NULL,
            content_hash     TEXT    NOT NULL,
            pipeline         TEXT    NOT NULL,
            pipeline_version TEXT    NOT NULL,
            model_version    TEXT    NOT NULL,
            state            TEXT    NOT NULL,
            attempts         INTEGER NOT NULL,
            owner            TEXT,
            enqueued_ms      INTEGER NOT NULL,
            not_before_ms    INTEGER NOT NULL,
            started_ms       INTEGER,
            finished_ms      INTEGER,
            error            TEXT);
        CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, not_before_ms, id);
        CREATE INDEX IF NOT EXISTS jobs_work ON jobs (work_name);
        PRAGMA user_version = 1;
        """;
}
