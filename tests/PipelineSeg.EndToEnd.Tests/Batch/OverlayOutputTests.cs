using System.Text.Json;
using PipelineSeg.Dicom;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary><c>batch --outputs seg,overlay</c> on a bundled phantom: the overlay series beside the SEG, from configuration to file.</summary>
public sealed class OverlayOutputTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("e2e-overlay");

    public void Dispose() => Directory.Delete(_dir, true);

    [SkippableFact]
    public async Task Overlay_output_writes_one_secondary_capture_per_slice_with_Slices_all_that_dciodvfy_accepts()
    {
        var config = Path.Combine(_dir, "overlay.json");
        await File.WriteAllTextAsync(config, """{ "Output": { "Overlay": { "Slices": "all" } } }""");
        var output = Path.Combine(_dir, "out");
        var input = TestPaths.Repo("samples", "dicom", "phantom-0001");

        var r = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--outputs", "seg,overlay", "--config", config);

        Assert.True(r.ExitCode == 0, r.Combined);
        var folder = Assert.Single(Directory.GetDirectories(output), d => File.Exists(Path.Combine(d, "report.json")));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        var overlay = report.RootElement.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "overlay");
        var files = overlay.GetProperty("files").EnumerateArray().Select(f => Path.Combine(folder, f.GetString()!)).ToList();
        var ct = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(input, "ct"))).Volumes);
        Assert.Equal(ct.Slices.Count, files.Count);
        foreach (var file in new[] { files[0], files[^1] })
        {
            var dciodvfy = ExternalTool.Run("dciodvfy", [file]);
            var errors = dciodvfy.Combined.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
        var series = Assert.Single((await DicomSeriesScanner.ScanAsync(Path.Combine(folder, "overlay"))).Volumes);
        Assert.Equal(ct.StudyInstanceUid, series.StudyInstanceUid);
        Assert.Equal(320, series.SeriesNumber);
    }
}
