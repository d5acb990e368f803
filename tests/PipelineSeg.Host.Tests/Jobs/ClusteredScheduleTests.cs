using Microsoft.Extensions.Hosting;
using Npgsql;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Tests.Jobs;

/// <summary>
/// With <c>Journal:Provider=PostgreSQL</c> Quartz runs clustered in the journal's database: two instances sharing it
/// fire a due schedule once between them, not once each.
/// </summary>
public sealed class ClusteredScheduleTests
{
    [SkippableFact]
    public async Task A_missed_nightly_run_fires_on_one_instance_only_when_two_share_the_PostgreSQL_store()
    {
        using var cluster = PostgresCluster.Start();
        var database = cluster.CreateDatabase("schedules");
        var root = TestPaths.NewTempDirectory("nightly-cluster");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "nightly-in"));
            var runs = Path.Combine(root, "nightly-out");
            using (var first = BuildHost(root, database, "seg-a"))
            {
                await first.StartAsync();
                await first.StopAsync();
            }
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var past = new NpgsqlCommand("UPDATE qrtz_triggers SET next_fire_time = @t WHERE trigger_name = 'nightly-batch'", connection);
                past.Parameters.AddWithValue("@t", DateTimeOffset.UtcNow.AddHours(-6).UtcTicks);
                Assert.Equal(1, await past.ExecuteNonQueryAsync());
            }

            using var a = BuildHost(root, database, "seg-a");
            using var b = BuildHost(root, database, "seg-b");
            await Task.WhenAll(a.StartAsync(), b.StartAsync());
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!Directory.Exists(runs) || !Directory.EnumerateFiles(runs, "batch-summary.json", SearchOption.AllDirectories).Any())
            {
                Assert.True(DateTime.UtcNow < deadline, "the missed nightly run did not fire on either instance");
                await Task.Delay(200);
            }
            await Task.Delay(TimeSpan.FromSeconds(5)); // room for the other instance's wrong, second firing
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                // Both live instances checked in as cluster nodes (the first life's row lingers until a node declares it dead).
                await using var nodes = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection);
                Assert.InRange((long)(await nodes.ExecuteScalarAsync())!, 2L, 3L);
            }
            await Task.WhenAll(a.StopAsync(), b.StopAsync());
            Assert.Single(Directory.GetDirectories(runs));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static IHost BuildHost(string root, string database, string instance)
    {
        var builder = PipelineSegHostBuilder.Create(null, new Dictionary<string, string?>
        {
            ["Intake:WatchFolders:0:Path"] = Path.Combine(root, "in"),
            ["Intake:WatchFolders:0:Output"] = Path.Combine(root, "out"),
            ["Plugins:Directory"] = Path.Combine(root, "no-plugins"),
            ["Journal:Provider"] = "PostgreSQL",
            ["Journal:ConnectionString"] = database,
            ["Service:InstanceName"] = instance,
            ["Schedules:NightlyBatch:Cron"] = "0 0 2 * * ?",
            ["Schedules:NightlyBatch:Input"] = Path.Combine(root, "nightly-in"),
            ["Schedules:NightlyBatch:Output"] = Path.Combine(root, "nightly-out"),
        }, verbose: false);
        builder.AddPipelineSegProcessing().AddPipelineSegService();
        return builder.Build();
    }
}
