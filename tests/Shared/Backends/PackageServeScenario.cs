using System.Text;
using System.Text.Json;

namespace PipelineSeg.Testing;

/// <summary>
/// The real <c>pipelineseg serve</c> with a plugins folder holding a backend plugin and model packages: a series dropped
/// into the good package's watched folder comes out as a SEG and a report made by that package's model; one dropped into
/// the folder of a package its backend refuses at load fails naming plugin and cause, and the service keeps running.
/// </summary>
internal static class PackageServeScenario
{
    /// <summary>DICOM Segmentation Storage.</summary>
    private const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>Runs the scenario; <paramref name="refusal"/> are the parts the refused job's reason must contain.</summary>
    public static async Task RunAsync(string root, string plugins, string good, string bad, params string[] refusal)
    {
        string Folder(string model, string name) => Path.Combine(root, model, name);
        var intake = new
        {
            SettleTime = "00:00:01",
            WatchFolders = new[] { good, bad }.Select(m => new { Path = Folder(m, "in"), Output = Folder(m, "out"), Pipeline = m }).ToArray(),
        };
        var config = BackendHost.WriteConfig(root, plugins, [good, bad], intake);
        Directory.CreateDirectory(Folder(good, "in"));
        Directory.CreateDirectory(Folder(bad, "in"));

        using (var serve = ServeProcess.Start("--config", config))
        {
            await serve.WaitForLogAsync("service started");
            Drop(root, Folder(bad, "in"), "phantom-0001");
            await serve.WaitForLogAsync("failed (permanent");
            Drop(root, Folder(good, "in"), "phantom-0002");
            await serve.WaitForLogAsync("done:", "1 segmented");
            Assert.Equal(0, serve.Stop());
        }

        var error = Path.Combine(Assert.Single(Directory.GetDirectories(Folder(bad, "failed"))), "error.json");
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(error)))
        {
            var reason = json.RootElement.GetProperty("reason").GetString()!;
            foreach (var part in refusal)
            {
                Assert.Contains(part, reason, StringComparison.Ordinal);
            }
        }

        var result = Assert.Single(Directory.GetDirectories(Folder(good, "out")), d => !Path.GetFileName(d).StartsWith('.'));
        var report = Assert.Single(Directory.GetFiles(result, "report.json", SearchOption.AllDirectories));
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(report)))
        {
            Assert.Equal(good, json.RootElement.GetProperty("model").GetProperty("id").GetString());
            var liver = json.RootElement.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "liver");
            Assert.InRange(liver.GetProperty("volumeMl").GetDouble(), 100, 3000);
        }
        Assert.Contains(Directory.GetFiles(result, "*.dcm", SearchOption.AllDirectories),
            f => Encoding.ASCII.GetString(File.ReadAllBytes(f)).Contains(SegmentationStorage, StringComparison.Ordinal));
    }

    /// <summary>Copies a sample CT next to the inbox, then moves its files in (renames: each file appears whole).</summary>
    private static void Drop(string root, string inbox, string sample)
    {
        var staging = Directory.CreateDirectory(Path.Combine(root, "staging-" + sample)).FullName;
        var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", sample, "ct"));
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }
        foreach (var file in files)
        {
            File.Move(Path.Combine(staging, Path.GetFileName(file)), Path.Combine(inbox, Path.GetFileName(file)));
        }
    }
}
