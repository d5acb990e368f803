namespace PipelineSeg.Jobs.Tests.Postgres;

/// <summary>One throwaway cluster for the PostgreSQL tests (initdb + start cost seconds); each test makes its own database.</summary>
public sealed class PostgresClusterFixture : IDisposable
{
    private readonly Lazy<PostgresCluster> _cluster = new(PostgresCluster.Start);
    private int _databases;

    /// <summary>A fresh database (starts the cluster on first use, skipping when PostgreSQL is not installed).</summary>
    internal string NewDatabase() => _cluster.Value.CreateDatabase($"journal_{Interlocked.Increment(ref _databases)}");

    public void Dispose()
    {
        if (_cluster.IsValueCreated)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            _cluster.Value.Dispose();
        }
    }
}
