using System.Globalization;
using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Serve;
using PipelineSeg.Testing.Network;

namespace PipelineSeg.EndToEnd.Tests.Routing;

/// <summary>
/// <c>serve</c> with routing rules, for folder and network input: a series gets one job and one result per pipeline its
/// rule names (under &lt;output&gt;/&lt;pipeline&gt;/), an ignored one goes to ignored/ with its decision (not failed/, not
/// quarantined), and the CallingAeTitle rule sees the AE title storescu sends with -aet.
/// </summary>
public sealed class RoutedServeTests
{
    private const string ServeAe = "PSEG_ROUTE";

    [SkippableFact]
    public async Task Serve_routes_folder_and_network_series_by_rules_including_the_calling_ae_title()
    {
        var root = TestPaths.NewTempDirectory("e2e-routed-serve");
        try
        {
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            var port = FreePort.Next();
            var portText = port.ToString(CultureInfo.InvariantCulture);
            using var serve = ServeProcess.Start("--config", RoutingConfig.Write(root), "--inbox", inbox, "--output", output, "--quiet-seconds", "1",
                "--dicom-port", portText, "--ae-title", ServeAe);
            await serve.WaitForLogAsync("DICOM listener", ServeAe);

            // Folder input, no sender: phantom-0002 is thin -> both pipelines.
            RoutedBatchTests.CopyTree(RoutingConfig.SampleCt(2), Path.Combine(root, "staging"));
            Directory.Move(Path.Combine(root, "staging"), Path.Combine(inbox, "export"));
            // Network input: phantom-0001 (thick) from PACS1 -> the calling-AE rule comes first: liver-b only;
            // phantom-0003 (thick) from another AE -> ignored.
            foreach (var (phantom, ae) in new[] { (1, "PACS1"), (3, "OTHER") })
            {
                var files = Directory.GetFiles(RoutingConfig.SampleCt(phantom), "*.dcm").Order(StringComparer.Ordinal).ToArray();
                var sent = ExternalTool.Run("storescu", ["-aet", ae, "-aec", ServeAe, "127.0.0.1", portText, .. files], TimeSpan.FromMinutes(2));
                Assert.True(sent.ExitCode == 0, sent.StandardError + serve.Log);
            }

            await serve.WaitForLogAsync("routed by rule 'thin' to liver, liver-b");
            await serve.WaitForLogAsync("routed by rule 'from-pacs1' to liver-b");
            await serve.WaitForLogAsync("ignored by rule 'thick'");
            var (thin, fromPacs, ignored) = (RoutingConfig.SeriesUid(2), RoutingConfig.SeriesUid(1), RoutingConfig.SeriesUid(3));
            await serve.WaitUntilAsync(() => RoutingConfig.Segs(Path.Combine(output, "liver", thin)).Length > 0
                && RoutingConfig.Segs(Path.Combine(output, RoutingConfig.Second, thin)).Length > 0
                && RoutingConfig.Segs(Path.Combine(output, RoutingConfig.Second, fromPacs)).Length > 0, "three results");

            Assert.False(Directory.Exists(Path.Combine(output, "liver", fromPacs)));
            Assert.False(Directory.Exists(Path.Combine(output, ignored)) || Directory.Exists(Path.Combine(output, "liver", ignored)));
            var failed = Path.Combine(root, "failed");
            Assert.True(!Directory.Exists(failed) || Directory.GetFileSystemEntries(failed).Length == 0, serve.Log);
            var record = Assert.Single(Directory.GetFiles(Path.Combine(root, "ignored"), "routing.json", SearchOption.AllDirectories));
            using (var decision = JsonDocument.Parse(await File.ReadAllTextAsync(record)))
            {
                Assert.Equal("thick", decision.RootElement.GetProperty("rule").GetString());
                Assert.True(decision.RootElement.GetProperty("ignored").GetBoolean());
            }
            // Each routed claim is its own job, done once (its input moves to done/ just after its results are in place).
            var done = Path.Combine(root, "done");
            await serve.WaitUntilAsync(() => Directory.Exists(done)
                && Directory.GetDirectories(done).Count(d => Path.GetFileName(d).Contains('~', StringComparison.Ordinal)) == 3, "three routed inputs in done/");
            Assert.Equal(0, serve.Stop());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
