using PipelineSeg.EndToEnd.Tests.Batch;
using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Summary;

namespace PipelineSeg.EndToEnd.Tests.Browser;

/// <summary>
/// report.html and summary.html of the sample batch, opened in headless Chromium: every image loads, no request leaves
/// the machine, links to the reports resolve; screenshots in TestResults/screenshots.
/// </summary>
public sealed class ReportPagesInBrowserTests(SampleBatchFixture batch) : IClassFixture<SampleBatchFixture>
{
    [SkippableFact]
    public async Task Every_report_html_shows_its_images_and_requests_nothing_off_the_machine()
    {
        Assert.True(batch.ExitCode == 0, batch.Combined);
        var n = 0;
        foreach (var folder in batch.Reports.Keys.Order(StringComparer.Ordinal))
        {
            var html = Path.Combine(folder, HtmlReportWriter.FileName);
            Assert.True(File.Exists(html), $"{html} was not written");
            var check = await HeadlessChromium.OpenAsync(html, $"report-phantom-{++n}.png");
            AssertLocal(check);
            // 3 axial key slices + coronal + sagittal, and (ground truth present) the per-slice Dice plot and one
            // threshold-sweep plot per swept segment of report.json
            var sweeps = batch.Reports[folder].GetProperty("groundTruth").GetProperty("thresholdSweep").GetArrayLength();
            Assert.True(sweeps > 0, $"{folder}: no threshold sweep in report.json");
            Assert.Equal(SeriesFigures.AxialKeySlices + 2 + 1 + sweeps, check.Images.Count);
            Assert.Equal(sweeps, check.Images.Count(i => i.Alt.StartsWith("threshold sweep of ", StringComparison.Ordinal)));
            Assert.All(check.Images, i => Assert.True(i.NaturalWidth > 0 && i.NaturalHeight > 0, $"{html}: image '{i.Alt}' did not load"));
            Assert.Contains(check.Images, i => i.Alt.StartsWith("coronal", StringComparison.Ordinal));
            Assert.Contains(check.Images, i => i.Alt.StartsWith("sagittal", StringComparison.Ordinal));
            Assert.True(new FileInfo(check.Screenshot).Length > 10_000, "the screenshot is empty");
        }
    }

    [SkippableFact]
    public async Task Summary_html_shows_the_box_plot_links_every_report_and_requests_nothing_off_the_machine()
    {
        Assert.True(batch.ExitCode == 0, batch.Combined);
        var html = Path.Combine(batch.Output, BatchSummaryWriter.HtmlFileName);
        var check = await HeadlessChromium.OpenAsync(html, "summary.png");
        AssertLocal(check);
        var plot = Assert.Single(check.Images);
        Assert.True(plot.NaturalWidth > 0, "the Dice box plot did not load");
        var text = await File.ReadAllTextAsync(html);
        foreach (var folder in batch.Reports.Keys)
        {
            Assert.Contains($"href=\"{Path.GetFileName(folder)}/{HtmlReportWriter.FileName}\"", text, StringComparison.Ordinal);
        }
    }

    private static void AssertLocal(PageCheck check)
    {
        Assert.Equal(HtmlPage.ContentSecurityPolicy, check.ContentSecurityPolicy);
        Assert.Empty(check.ExternalReferences);
        Assert.NotEmpty(check.Requests);
        Assert.All(check.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"request off the machine: {url}"));
    }
}
