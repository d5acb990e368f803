namespace PipelineSeg.Host.Options;

/// <summary>The durable job journal (section <c>Journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Journal";

    /// <summary>The SQLite provider (embedded, the default).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>Storage provider: <see cref="Sqlite"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite file; relative paths are inside <c>Service:DataDirectory</c>.</summary>
    public string Path { get; set; } = "state/journal.db";

    /// <summary>
    /// A series is processed once per pipeline version. True: once per pipeline and model version, so installing a new
    /// model version reprocesses series that arrive again.
    /// </summary>
    public bool ReprocessOnNewModel { get; set; }
}
