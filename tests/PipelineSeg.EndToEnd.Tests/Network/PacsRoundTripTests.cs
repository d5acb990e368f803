using PipelineSeg.Dicom;
using System.Globalization;
using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Serve;
using PipelineSeg.Testing.Network;

namespace PipelineSeg.EndToEnd.Tests.Network;

/// <summary>
/// The hospital round trip with real peers and no manual step: dcmtk's storescu sends a CT series to <c>serve</c>'s
/// DICOM listener, the series is segmented, and the SEG arrives in Orthanc (checked through its REST API) and in
/// storescp's folder. A destination that is down leaves the delivery pending until it comes up.
/// </summary>
public sealed class PacsRoundTripTests
{
    private const string ServeAe = "PSEG_E2E";

    [SkippableFact]
    public async Task A_series_sent_with_storescu_comes_back_as_a_SEG_in_Orthanc_and_storescp()
    {
        var root = TestPaths.NewTempDirectory("e2e-pacs");
        try
        {
            var (storescp, storescpPort, received) = await StoreScp.StartAsync();
            using var _ = storescp;
            var servePort = FreePort.Next();
            using var orthanc = await Orthanc.StartAsync(new Dictionary<string, (string, string, int)> { ["pipelineseg"] = (ServeAe, "127.0.0.1", servePort) });
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            // A quiet period of 10 minutes: the series can only be processed this fast because the listener hands it over whole.
            using var serve = ServeProcess.Start("--inbox", inbox, "--output", output, "--quiet-seconds", "600",
                "--dicom-port", Text(servePort), "--ae-title", ServeAe,
                "--send-to", $"{StoreScp.AeTitle}@127.0.0.1:{Text(storescpPort)}", "--send-to", $"{Orthanc.AeTitle}@127.0.0.1:{orthanc.DicomPortText}");
            await serve.WaitForLogAsync("DICOM listener", ServeAe);

            using (var echo = await orthanc.Http.PostAsync("modalities/pipelineseg/echo", new StringContent("{}")))
            {
                Assert.True(echo.IsSuccessStatusCode, $"Orthanc could not C-ECHO serve: {echo.StatusCode}\n{serve.Log}");
            }
            var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"), "*.dcm").Order(StringComparer.Ordinal).ToArray();
            var sent = ExternalTool.Run("storescu", ["-aet", "MODALITY", "-aec", ServeAe, "127.0.0.1", Text(servePort), .. files], TimeSpan.FromMinutes(2));
            Assert.True(sent.ExitCode == 0, sent.StandardError + serve.Log);

            await serve.WaitForLogAsync("received series", $"{files.Length} instance(s) from MODALITY", "association released");
            await serve.WaitForLogAsync("delivered to send-to-1 (STORESCP@");
            await serve.WaitForLogAsync("delivered to send-to-2 (ORTHANC@");

            string sourceSeries;
            using (var first = DicomFile.Open(files[0], DicomReadOptions.HeaderOnly))
            {
                sourceSeries = first.Dataset.GetString(DicomTags.SeriesInstanceUID)!;
            }
            var segs = new List<JsonElement>();
            foreach (var id in await orthanc.InstancesAsync())
            {
                var tags = await orthanc.GetJsonAsync($"instances/{id}/simplified-tags");
                if (tags.GetProperty("SOPClassUID").GetString() == SopClasses.SegmentationStorage)
                {
                    segs.Add(tags);
                }
            }
            var seg = Assert.Single(segs);
            Assert.Equal(sourceSeries, seg.GetProperty("ReferencedSeriesSequence")[0].GetProperty("SeriesInstanceUID").GetString());

            var stored = Assert.Single(Directory.GetFiles(received, "*", SearchOption.AllDirectories));
            var dump = ExternalTool.Run("dcmdump", ["-Un", "+P", "0008,0016", stored]);
            Assert.Contains(SopClasses.SegmentationStorage, dump.StandardOutput, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.Combine(output, ".pipelineseg", "deliveries"), "*.json"));
            Assert.Equal(0, serve.Stop());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_destination_that_is_down_leaves_the_delivery_pending_until_it_comes_up()
    {
        var root = TestPaths.NewTempDirectory("e2e-pending");
        try
        {
            var (inbox, output) = (Path.Combine(root, "in"), Path.Combine(root, "out"));
            var config = Path.Combine(root, "retry.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Delivery = new { InitialRetryDelay = "00:00:01", MaxRetryDelay = "00:00:02" } }));
            var downPort = FreePort.Next();
            using var serve = ServeProcess.Start("--config", config, "--inbox", inbox, "--output", output, "--quiet-seconds", "1",
                "--send-to", $"LATER@127.0.0.1:{Text(downPort)}");
            await serve.WaitForLogAsync("service started");
            CopyTree(TestPaths.Repo("samples", "dicom", "phantom-0002", "ct"), Path.Combine(root, "staging"));
            Directory.Move(Path.Combine(root, "staging"), Path.Combine(inbox, "export"));
            var pending = await serve.WaitForLogAsync("failed (attempt 1)", "delivery pending");
            Assert.Contains("cannot connect", pending, StringComparison.Ordinal);
            var queue = Path.Combine(output, ".pipelineseg", "deliveries");
            Assert.Single(Directory.GetFiles(queue, "*.json"));

            // The peer comes up on that port with the AE title the delivery calls.
            var folder = TestPaths.NewTempDirectory("storescp-late");
            var received = Directory.CreateDirectory(Path.Combine(folder, "received")).FullName;
            using var late = PeerProcess.Start(Prerequisites.Dcmtk, "storescp", folder, "-aet", "LATER", "-od", received, Text(downPort));
            await serve.WaitForLogAsync("delivered to send-to-1 (LATER@");
            Assert.Single(Directory.GetFiles(received));
            Assert.Empty(Directory.GetFiles(queue, "*.json"));
            Assert.Equal(0, serve.Stop());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
