using System.Text.Json;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Reporting.Summary;

namespace PipelineSeg.Reporting.Tests.Summary;

/// <summary>summary.csv/html from batch-summary entries and report.json files: the report's keys, failed inputs, one copy per run.</summary>
public sealed class BatchSummaryWriterTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("summary");

    private BatchSummary Batch()
    {
        Directory.CreateDirectory(Path.Combine(_root, "1.2.3"));
        var metrics = string.Join(", ", SummaryReader.Metrics.Select((k, i) => $"\"{k}\": {(k == MetricKeys.HausdorffMm ? "null" : (0.5 + i / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        File.WriteAllText(Path.Combine(_root, "1.2.3", "report.json"), $$"""
            { "segments": [ { "index": 1, "label": "liver", "voxels": 10, "volumeMl": 1.25 } ],
              "timingsMs": { "total": 1500 },
              "groundTruth": { "segments": [ { "label": 1, "name": "liver", {{metrics}} } ] } }
            """);
        File.WriteAllText(Path.Combine(_root, "1.2.3", "report.html"), "<!DOCTYPE html>");
        return new BatchSummary("/in", _root, "liver", "unet", 1, 1, 0, 0, 0, null,
        [
            new BatchSummaryEntry("1.2.3", SeriesStatus.Succeeded, "liver 1.3 ml", "a/ct", "1.2.3", "1.2.3/report.json", false, null),
            new BatchSummaryEntry("bad.dcm", SeriesStatus.Failed, "truncated, \"pixel data\" <short>", "b/ct", "quarantine/x", null, false, null),
        ], [], 2000);
    }

    [SkippableFact]
    public async Task Csv_has_one_row_per_input_with_the_report_keys_and_quotes_what_needs_it()
    {
        var summary = Batch();
        await BatchSummaryWriter.WriteAsync(summary, new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero), CancellationToken.None);
        var lines = (await File.ReadAllTextAsync(Path.Combine(_root, BatchSummaryWriter.CsvFileName))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal("liver.volumeMl", header[SummaryCsv.Leading.Count]);
        Assert.Contains("liver.dice", header);
        Assert.Contains("liver.hausdorff95Mm", header);
        var ok = lines[1].Split(',');
        Assert.Equal("1.2.3/report.html", ok[Array.IndexOf(header, "report")]);
        Assert.Equal("1500", ok[Array.IndexOf(header, "timeMs")]);
        Assert.Equal("1.25", ok[Array.IndexOf(header, "liver.volumeMl")]);
        Assert.Equal(string.Empty, ok[Array.IndexOf(header, "liver.hausdorffMm")]); // null in report.json: empty, never 0
        Assert.Equal("0.52", ok[Array.IndexOf(header, "liver.iou")]);
        Assert.StartsWith("bad.dcm,failed,\"truncated, \"\"pixel data\"\" <short>\",b/ct,", lines[2], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Each_run_keeps_its_own_summary_and_the_page_links_reports_and_names_failures()
    {
        var summary = Batch();
        var at = new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
        var (latest, first) = await BatchSummaryWriter.WriteAsync(summary, at, CancellationToken.None);
        var (_, second) = await BatchSummaryWriter.WriteAsync(summary, at, CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.True(File.Exists(first) && File.Exists(second));
        Assert.Equal(Path.Combine(_root, "runs", "20261205T220000Z", "summary.html"), first);
        var page = await File.ReadAllTextAsync(latest);
        Assert.Contains("href=\"1.2.3/report.html\"", page, StringComparison.Ordinal);
        Assert.Contains("truncated, &quot;pixel data&quot; &lt;short&gt;", page, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal); // the Dice box plot
        Assert.Contains("href=\"../../1.2.3/report.html\"", await File.ReadAllTextAsync(first), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
