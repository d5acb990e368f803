using System.Data.Common;
using Npgsql;

namespace PipelineSeg.Host.Jobs.Schema;

/// <summary>
/// Creates Quartz's tables from the official DDL kept in this folder (quartz-sqlite.sql, quartz-postgres.sql; embedded).
/// Each statement creates only what is missing, so this runs at every start. On PostgreSQL the statements run in one
/// transaction under an advisory lock, so instances starting together do not race on the catalog.
/// </summary>
internal static class QuartzSchema
{
    /// <summary>The line that separates statements in the official scripts.</summary>
    public const string Separator = "--;;";

    private const long PostgresCreateLock = 0x5053_5172_747A; // "PSQrtz"

    /// <summary>The statements of <paramref name="resource"/> (a file name in Jobs/Schema/), comments stripped.</summary>
    public static IReadOnlyList<string> Statements(string resource)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"PipelineSeg.Host.Jobs.Schema.{resource}")
            ?? throw new InvalidOperationException($"Quartz schema {resource} is not embedded in this build");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return [.. text.Split($"\n{Separator}\n")
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)];
    }

    /// <summary>Runs the statements of <paramref name="resource"/> against <paramref name="dataSource"/>.</summary>
    public static async Task CreateAsync(DbDataSource dataSource, string resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (connection is NpgsqlConnection)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresCreateLock})", cancellationToken).ConfigureAwait(false);
        }
        foreach (var statement in Statements(resource))
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the SQL is the embedded official schema, no input
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
