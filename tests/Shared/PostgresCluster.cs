using System.Globalization;

namespace PipelineSeg.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test class: initdb into a temporary folder, started with pg_ctl on a Unix
/// socket in that folder only (no TCP port, so nothing can collide or be reached from outside), stopped and deleted on
/// dispose. initdb refuses root, so as root the cluster runs as the Debian <c>postgres</c> user (via runuser).
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private const string SuperUser = "pipelineseg";
    private const int Port = 5432; // only names the socket file (.s.PGSQL.5432) inside the private folder

    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private bool _running;

    private PostgresCluster(string bin, bool asPostgresUser, string folder)
    {
        _bin = bin;
        _asPostgresUser = asPostgresUser;
        Folder = folder;
    }

    /// <summary>The cluster's folder: data/, the socket and the server log.</summary>
    public string Folder { get; }

    /// <summary>A connection string for the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString => Connection("postgres");

    /// <summary>Creates and starts a cluster; skips the test when PostgreSQL is not installed.</summary>
    public static PostgresCluster Start()
    {
        Prerequisites.PostgreSql.Require();
        var bin = Prerequisites.PostgreSqlBinaries!;
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), $"pipelineseg-pg-{Guid.NewGuid():N}");
        var cluster = new PostgresCluster(bin, asPostgresUser, folder);
        try
        {
            cluster.Run("mkdir", "-p", folder);
            cluster.Run(Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"), "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-sync");
            cluster.Run(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses='' -k {folder} -p {Port} -c fsync=off -c max_connections=200", "start");
            cluster._running = true;
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>A connection string for database <paramref name="database"/>.</summary>
    public string Connection(string database) =>
        $"Host={Folder};Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={database};Pooling=true";

    /// <summary>Creates an empty database and returns its connection string (one per test keeps tests independent).</summary>
    public string CreateDatabase(string name)
    {
        Run(Path.Combine(_bin, "createdb"), "-h", Folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, name);
        return Connection(name);
    }

    public void Dispose()
    {
        if (_running)
        {
            _running = false;
            Run(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w", "stop");
        }
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void Run(string fileName, params string[] arguments)
    {
        var result = _asPostgresUser
            ? ExternalTool.Start("runuser", ["-u", "postgres", "--", fileName, .. arguments], TimeSpan.FromMinutes(2))
            : ExternalTool.Start(fileName, arguments, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            var log = Path.Combine(Folder, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} failed ({result.ExitCode}): {result.Combined}"
                + (File.Exists(log) ? "\n" + File.ReadAllText(log) : string.Empty));
        }
    }
}
