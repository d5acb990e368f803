using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary>
/// A plugin whose forward never returns, served beside the U-Net: its job runs into <c>Jobs:Timeout</c> and fails naming
/// plugin, model and cause; the service keeps running, the U-Net job after it succeeds, and the service stops cleanly.
/// The timeout leaves room for the U-Net job on a loaded 2-core machine; the hanging job takes it whole (about 30 s).
/// </summary>
public sealed class ServeBadPluginTests
{
    [SkippableFact]
    public async Task A_hanging_forward_fails_its_job_by_timeout_and_the_other_plugin_keeps_working()
    {
        var root = TestPaths.NewTempDirectory("e2e-serve-hang");
        try
        {
            var plugins = Path.Combine(root, "plugins");
            Copy(Path.Combine(PipelineSegCli.HostDirectory, "plugins", "PipelineSeg.Plugins.UNet"), Path.Combine(plugins, "unet"));
            Copy(FaultyPluginBuild(), Path.Combine(plugins, "faulty"));
            string Folder(string set, string name) => Path.Combine(root, set, name);
            var config = Path.Combine(root, "serve.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
            {
                Plugins = new { Directory = plugins, ForwardCancellationGrace = "00:00:01" },
                Jobs = new { Timeout = "00:00:30" },
                Intake = new
                {
                    SettleTime = "00:00:01",
                    WatchFolders = new[]
                    {
                        new { Path = Folder("hang", "in"), Output = Folder("hang", "out"), Pipeline = "hang" },
                        new { Path = Folder("liver", "in"), Output = Folder("liver", "out"), Pipeline = "liver" },
                    },
                },
                Pipelines = new { hang = new { Model = "faulty-hangs", Modalities = new[] { "CT" }, SeriesDescription = "hangs" } },
            }));
            Directory.CreateDirectory(Folder("hang", "in"));
            Directory.CreateDirectory(Folder("liver", "in"));

            using var serve = ServeProcess.Start("--config", config);
            await serve.WaitForLogAsync("service started");
            ServeQuickStartTests.DropFlat(root, Folder("hang", "in"), "phantom-0001");
            var failed = await serve.WaitForLogAsync("failed (permanent");
            Assert.Contains("timed out after 00:00:30 (Jobs:Timeout): plugin 'test.faulty' model 'faulty-hangs': forward did not return within 1 s of cancellation", failed, StringComparison.Ordinal);

            ServeQuickStartTests.DropFlat(root, Folder("liver", "in"), "phantom-0002");
            await serve.WaitForLogAsync("done:", "1 segmented");
            Assert.Equal(0, serve.Stop());
            Assert.Single(Directory.GetDirectories(Folder("liver", "out")), d => !Path.GetFileName(d).StartsWith('.'));
            var error = Path.Combine(Assert.Single(Directory.GetDirectories(Folder("hang", "failed"))), "error.json");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(error));
            Assert.Equal("PluginTimeout", json.RootElement.GetProperty("exceptionType").GetString());
            Assert.Contains("abandoned on its thread", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>tests/TestPlugins/TestPlugins.Faulty's build output (built before these tests, not referenced).</summary>
    private static string FaultyPluginBuild()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return TestPaths.Repo("tests", "TestPlugins", "TestPlugins.Faulty", "bin", tfm.Parent!.Name, tfm.Name);
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
