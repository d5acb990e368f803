using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Where Quartz keeps its schedule: the journal's database, so one file (SQLite, the default) or one PostgreSQL database
/// holds all the service's durable state, and a PostgreSQL deployment's instances share one clustered scheduler.
/// </summary>
internal sealed class SchedulerDatabase(IOptions<JournalOptions> journal, ServiceDirectories directories)
{
    /// <summary>True for <c>Journal:Provider=PostgreSQL</c> (case-insensitive).</summary>
    public bool IsPostgreSql => string.Equals(journal.Value.Provider, JournalOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string: <c>Journal:ConnectionString</c> for PostgreSQL (validated at start-up), the journal file for SQLite.</summary>
    public string ConnectionString => IsPostgreSql
        ? journal.Value.ConnectionString!
        : new SqliteConnectionStringBuilder { DataSource = directories.JournalFile, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();

    /// <summary>The official Quartz DDL for this database (embedded from Jobs/Schema/).</summary>
    public string SchemaResource => IsPostgreSql ? "quartz-postgres.sql" : "quartz-sqlite.sql";

    /// <summary>A data source for Quartz and for creating its tables.</summary>
    public DbDataSource CreateDataSource() => IsPostgreSql
        ? NpgsqlDataSource.Create(ConnectionString)
        : SqliteFactory.Instance.CreateDataSource(ConnectionString);

    /// <summary>The provider decision from configuration alone (registration time, before the container exists).</summary>
    public static bool IsPostgreSqlProvider(IConfiguration configuration) =>
        string.Equals(configuration[$"{JournalOptions.Section}:{nameof(JournalOptions.Provider)}"], JournalOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);
}
