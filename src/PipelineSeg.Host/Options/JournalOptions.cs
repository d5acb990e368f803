namespace PipelineSeg.Host.Options;

/// <summary>The durable job journal (section <c>Journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Journal";

    /// <summary>The SQLite provider (embedded, the default).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL (Npgsql): several service instances share one journal and one clustered Quartz store.</summary>
    public const string PostgreSql = "PostgreSQL";

    /// <summary>Storage provider: <see cref="Sqlite"/> or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite file; relative paths are inside <c>Service:DataDirectory</c>.</summary>
    public string Path { get; set; } = "state/journal.db";

    /// <summary>
    /// PostgreSQL connection string (Npgsql syntax), e.g. from the environment:
    /// <c>PIPELINESEG_Journal__ConnectionString="Host=db;Database=pipelineseg;Username=…;Password=…"</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A series is processed once per pipeline version. True: once per pipeline and model version, so installing a new
    /// model version reprocesses series that arrive again.
    /// </summary>
    public bool ReprocessOnNewModel { get; set; }
}
