using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Tests.Jobs;

/// <summary>
/// The schedule lives in Quartz's persistent store in the journal's SQLite file: a nightly run missed while the service
/// was down fires exactly once at the next start, and a changed or removed schedule is applied at start.
/// </summary>
public sealed class NightlyScheduleTests
{
    private const string Nightly = "nightly-batch";

    [SkippableFact]
    public async Task A_nightly_run_missed_during_downtime_fires_once_at_start_then_waits_for_the_next_night()
    {
        var root = TestPaths.NewTempDirectory("nightly");
        try
        {
            var runs = Path.Combine(root, "nightly-out");
            var journal = Path.Combine(root, "out", ".pipelineseg", "state", "journal.db");
            Directory.CreateDirectory(Path.Combine(root, "nightly-in"));

            // First life: the schedule is stored; nothing is due (02:00 is hours away or tomorrow).
            using (var host = BuildHost(root, "0 0 2 * * ?"))
            {
                await host.StartAsync();
                await host.StopAsync();
            }
            Assert.Equal("0 0 2 * * ?", Scalar(journal, "SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'nightly-batch'"));
            var stored = new DateTimeOffset((long)Scalar(journal, NextFireTime)!, TimeSpan.Zero);
            Assert.InRange(stored, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1).AddHours(1));
            Assert.False(Directory.Exists(runs));

            // The machine was off over the night: the stored firing is six hours in the past.
            Execute(journal, $"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {DateTimeOffset.UtcNow.AddHours(-6).UtcTicks} WHERE TRIGGER_NAME = 'nightly-batch'");

            using (var host = BuildHost(root, "0 0 2 * * ?"))
            {
                await host.StartAsync();
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while (!Directory.Exists(runs) || !Directory.EnumerateFiles(runs, "batch-summary.json", SearchOption.AllDirectories).Any())
                {
                    Assert.True(DateTime.UtcNow < deadline, "the missed nightly run did not fire at start");
                    await Task.Delay(200);
                }
                await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second, wrong firing
                await host.StopAsync();
            }
            var run = Assert.Single(Directory.GetDirectories(runs));
            Assert.Matches("^run-[0-9]{8}-[0-9]{6}$", Path.GetFileName(run));
            // like batch, the run has its summary for people, here saying that the input held no series
            Assert.True(File.Exists(Path.Combine(run, "summary.csv")), "the nightly run wrote no summary.csv");
            Assert.Contains("no DICOM series found", File.ReadAllText(Path.Combine(run, "summary.html")), StringComparison.Ordinal);
            var next = new DateTimeOffset((long)Scalar(journal, NextFireTime)!, TimeSpan.Zero);
            Assert.InRange(next, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1).AddHours(1));

            // A changed cron replaces the trigger; no nightly input removes it.
            using (var host = BuildHost(root, "0 15 4 * * ?"))
            {
                await host.StartAsync();
                await host.StopAsync();
            }
            Assert.Equal("0 15 4 * * ?", Scalar(journal, "SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'nightly-batch'"));
            using (var host = BuildHost(root, cron: null))
            {
                await host.StartAsync();
                await host.StopAsync();
            }
            Assert.Null(Scalar(journal, "SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'nightly-batch'"));
            Assert.Equal("housekeeping", Scalar(journal, "SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'housekeeping'"));
            Assert.Single(Directory.GetDirectories(runs));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private const string NextFireTime = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '" + Nightly + "'";

    private static IHost BuildHost(string root, string? cron)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Intake:WatchFolders:0:Path"] = Path.Combine(root, "in"),
            ["Intake:WatchFolders:0:Output"] = Path.Combine(root, "out"),
            ["Plugins:Directory"] = Path.Combine(root, "no-plugins"),
        };
        if (cron is not null)
        {
            settings["Schedules:NightlyBatch:Cron"] = cron;
            settings["Schedules:NightlyBatch:Input"] = Path.Combine(root, "nightly-in");
            settings["Schedules:NightlyBatch:Output"] = Path.Combine(root, "nightly-out");
        }
        var builder = PipelineSegHostBuilder.Create(null, settings, verbose: false);
        builder.AddPipelineSegProcessing().AddPipelineSegService();
        return builder.Build();
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
