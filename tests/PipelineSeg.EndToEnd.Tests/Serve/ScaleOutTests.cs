using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit.Abstractions;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary>
/// Issue 10, test 9(e): two real <c>serve</c> processes share one inbox and one PostgreSQL journal (a throwaway cluster
/// this test starts); 30 series dropped at once are each processed exactly once, by one of the two.
/// </summary>
public sealed partial class ScaleOutTests(ITestOutputHelper output)
{
    private const int Series = 30;

    [SkippableFact]
    public async Task Two_instances_on_one_inbox_and_one_PostgreSQL_process_each_of_30_series_exactly_once()
    {
        using var cluster = PostgresCluster.Start();
        var database = cluster.CreateDatabase("scaleout");
        var root = TestPaths.NewTempDirectory("e2e-scaleout");
        try
        {
            var (inbox, results, staging) = (Path.Combine(root, "in"), Path.Combine(root, "out"), Path.Combine(root, "staging"));
            Assert.Equal(0, PipelineSegCli.Run("phantom", "--output", staging, "--count", Series.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed", "40", "--size", "64", "--slices", "4").ExitCode);
            var config = Path.Combine(root, "serve.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
            {
                Journal = new { Provider = "PostgreSQL" },
                Intake = new { WatchFolders = new[] { new { Path = inbox, Output = results } }, SettleTime = "00:00:01", RescanInterval = "00:00:02" },
            }));
            ServeProcess Start(string instance) => ServeProcess.Start(new Dictionary<string, string>
            {
                ["PIPELINESEG_Journal__ConnectionString"] = database,
                ["PIPELINESEG_Service__InstanceName"] = instance,
            }, "--config", config);

            using var a = Start("seg-a");
            using var b = Start("seg-b");
            await a.WaitForLogAsync("service started");
            await b.WaitForLogAsync("service started");
            foreach (var series in Directory.GetDirectories(staging))
            {
                Directory.Move(series, Path.Combine(inbox, Path.GetFileName(series)));
            }
            await a.WaitUntilAsync(() => CountSucceeded(database) == Series, $"{Series} succeeded jobs in the journal");
            Assert.Equal(0, a.Stop());
            Assert.Equal(0, b.Stop());

            // Every job ran once, on one instance: the "done" lines of the two logs name 30 distinct jobs, none twice.
            var doneByA = DoneJobs(a.Log);
            var doneByB = DoneJobs(b.Log);
            Assert.Equal(Series, doneByA.Count + doneByB.Count);
            Assert.Empty(doneByA.Intersect(doneByB));
            Assert.True(doneByA.Count > 0 && doneByB.Count > 0, $"one instance did all the work (a: {doneByA.Count}, b: {doneByB.Count})");
            output.WriteLine($"{Series} series: instance a processed {doneByA.Count}, instance b {doneByB.Count}, none twice");

            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT series_uid_hash), max(attempts) FROM jobs", connection);
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal((long)Series, reader.GetInt64(0));
                Assert.Equal((long)Series, reader.GetInt64(1));
                Assert.Equal(1L, reader.GetInt64(2));
            }
            var folders = Directory.GetDirectories(results).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
            Assert.Equal(Series, folders.Count);
            Assert.All(folders, r => Assert.Single(Directory.GetFiles(r, "segmentation.dcm")));
            Assert.Equal(Series, Directory.GetDirectories(Path.Combine(root, "done")).Length);
            Assert.False(Directory.Exists(Path.Combine(root, "failed")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, "failed")).Any());
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root, "work")));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static long CountSucceeded(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM jobs WHERE state = 'succeeded'", connection);
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the instances have not created the journal yet
        }
    }

    private static HashSet<long> DoneJobs(string log) =>
        [.. JobDone().Matches(log).Select(m => long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"Job (?<id>[0-9]+) done:")]
    private static partial Regex JobDone();
}
