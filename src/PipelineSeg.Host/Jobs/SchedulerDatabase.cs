using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// Where Quartz keeps its schedule: the journal's database, so one file (SQLite, the default) or one PostgreSQL database
/// holds all the service's durable state, and a PostgreSQL deployment's instances share one clustered scheduler.
/// </summary>
internal sealed class SchedulerDatabase(IConfiguration configuration, ServiceDirectories directories)
{
    /// <summary>The <c>Journal:Provider</c> value that selects PostgreSQL.</summary>
    public const string PostgreSql = "PostgreSQL";

    /// <summary>True for <c>Journal:Provider=PostgreSQL</c> (case-insensitive).</summary>
    public bool IsPostgreSql => IsPostgreSqlProvider(configuration);

    /// <summary>The connection string: <c>Journal:ConnectionString</c> for PostgreSQL, the journal file for SQLite.</summary>
    public string ConnectionString => IsPostgreSql
        ? configuration[$"Journal:ConnectionString"] ?? throw new InvalidOperationException("Journal:ConnectionString is required with Journal:Provider=PostgreSQL")
        : new SqliteConnectionStringBuilder { DataSource = directories.JournalFile, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();

    /// <summary>The official Quartz DDL for this database (embedded from Jobs/Schema/).</summary>
    public string SchemaResource => IsPostgreSql ? "quartz-postgres.sql" : "quartz-sqlite.sql";

    /// <summary>A data source for Quartz and for creating its tables.</summary>
    public DbDataSource CreateDataSource() => IsPostgreSql
        ? NpgsqlDataSource.Create(ConnectionString)
        : SqliteFactory.Instance.CreateDataSource(ConnectionString);

    /// <summary>The provider decision from configuration alone (registration time, before the container exists).</summary>
    public static bool IsPostgreSqlProvider(IConfiguration configuration) =>
        string.Equals(configuration["Journal:Provider"], PostgreSql, StringComparison.OrdinalIgnoreCase);
}
