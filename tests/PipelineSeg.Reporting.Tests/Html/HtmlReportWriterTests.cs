using System.Text.RegularExpressions;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Tests.Overlays.Output;

namespace PipelineSeg.Reporting.Tests.Html;

public sealed partial class HtmlReportWriterTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("html-report");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SkippableFact]
    public async Task Without_sweep_or_uncertainty_the_page_has_the_overlays_and_no_plot()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var html = await WriteAsync(context);
        Assert.Equal(SeriesFigures.AxialKeySlices + 2, Images(html).Count);
        Assert.DoesNotContain("threshold sweep", html, StringComparison.Ordinal);
        Assert.DoesNotContain("uncertainty histogram", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_sweep_of_report_json_and_the_spread_maps_become_plots()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var sweep = new ReportThresholdSweep(1, "liver", [.. ReportThresholdSweep.Standard.Select((t, j) => new ReportSweepPoint(t,
            SegmentEvaluation.From(1, "liver", new ConfusionCounts(900 - (80 * j), 10 + (5 * j), 100 + (80 * j), 90_000), 0.001, null, null)))]);
        var withPlots = context with
        {
            Report = context.Report with { GroundTruth = new ReportGroundTruth("truth.dcm", [], [], [sweep]) },
            Spread = [.. context.Model.Output.Classes.Where(c => !c.IsBackground).Select(c => (c, Spread(context.Labels, (byte)(c.Index * 30))))],
        };
        var html = await WriteAsync(withPlots);
        var images = Images(html);
        Assert.Equal(SeriesFigures.AxialKeySlices + 2 + 1 + 2, images.Count);
        Assert.Contains(images, alt => alt.StartsWith("threshold sweep of liver: its class probability binarised at 0.1…0.9", StringComparison.Ordinal));
        Assert.Contains(images, alt => alt.StartsWith("uncertainty histogram of liver", StringComparison.Ordinal));
        Assert.Contains(images, alt => alt.StartsWith("uncertainty histogram of lesion", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_critic_distance_is_shown_under_its_report_json_key()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var withCritic = context with { Report = context.Report with { GroundTruth = new ReportGroundTruth("truth.dcm", [], []) { CriticDistance = 0.0123 } } };
        var html = await WriteAsync(withCritic);
        Assert.Contains(MetricKeys.CriticDistance, html, StringComparison.Ordinal);
        Assert.Contains("0.01230", html, StringComparison.Ordinal);
        Assert.DoesNotContain(MetricKeys.CriticDistance, await WriteAsync(context), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Uncertainty_is_counted_inside_each_predicted_segment_by_stored_byte()
    {
        var context = await SampleSeries.ContextAsync(_root);
        var classes = context.Model.Output.Classes;
        var spread = classes.Where(c => !c.IsBackground).Select(c => (c, Spread(context.Labels, (byte)(c.Index * 30)))).ToList();
        var counts = SeriesFigures.UncertaintyCountsOf(context.Labels, classes, spread);
        foreach (var (cls, c) in classes.Where(c => !c.IsBackground).Zip(counts))
        {
            var voxels = context.Labels.Array.LongCount(v => v == cls.Index);
            Assert.True(voxels > 0, $"the sample has no {cls.Label}");
            Assert.Equal(cls.Label, c.Segment);
            Assert.Equal(voxels, c.PerByte[cls.Index * 30]);
            Assert.Equal(voxels, c.Total);
        }
        Assert.Empty(SeriesFigures.UncertaintyHistograms(context.Labels.CreateLike<byte>(), classes, spread));
    }

    // a map whose byte is `inside` on every voxel of any segment and 255 elsewhere (never counted)
    private static Volume<byte> Spread(Volume<byte> labels, byte inside)
    {
        var map = labels.CreateLike<byte>();
        for (var i = 0; i < map.Array.Length; i++)
        {
            map.Array[i] = labels.Array[i] == 0 ? (byte)255 : inside;
        }
        return map;
    }

    private static async Task<string> WriteAsync(SeriesResultContext context)
    {
        var files = await new HtmlReportWriter().WriteAsync(context, CancellationToken.None);
        Assert.Equal([HtmlReportWriter.FileName], files);
        return await File.ReadAllTextAsync(Path.Combine(context.Folder, HtmlReportWriter.FileName));
    }

    private static List<string> Images(string html) => [.. ImageAlt().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<img [^>]*alt=\"([^\"]*)\"")]
    private static partial Regex ImageAlt();
}
