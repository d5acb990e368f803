using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Summary;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary>
/// The service's nightly batch (Quartz cron, here every 5 s) over a bundled sample: its run-&lt;UTC&gt;/ folder gets
/// summary.html and summary.csv like <c>batch</c>, linking the run's report.html.
/// </summary>
public sealed class NightlySummaryTests
{
    [SkippableFact]
    public async Task A_nightly_run_writes_summary_html_and_csv_into_its_own_run_folder()
    {
        var root = TestPaths.NewTempDirectory("e2e-nightly");
        try
        {
            var (nightlyIn, nightlyOut) = (Path.Combine(root, "nightly-in"), Path.Combine(root, "nightly-out"));
            var sample = Path.Combine(Batch.SampleBatchFixture.Samples, "phantom-0001");
            foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(nightlyIn, Path.GetRelativePath(Batch.SampleBatchFixture.Samples, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var environment = new Dictionary<string, string>
            {
                ["PIPELINESEG_Schedules__NightlyBatch__Cron"] = "0/5 * * * * ?",
                ["PIPELINESEG_Schedules__NightlyBatch__Input"] = nightlyIn,
                ["PIPELINESEG_Schedules__NightlyBatch__Output"] = nightlyOut,
                ["PIPELINESEG_Health__MinimumFreeSpaceMegabytes"] = "1",
            };
            string? summary = null;
            using (var serve = ServeProcess.Start(environment, "--inbox", Path.Combine(root, "in"), "--output", Path.Combine(root, "out")))
            {
                await serve.WaitUntilAsync(() => (summary = Directory.Exists(nightlyOut)
                    ? Directory.EnumerateFiles(nightlyOut, BatchSummaryWriter.HtmlFileName, SearchOption.AllDirectories).FirstOrDefault()
                    : null) is not null, "a nightly run's summary.html");
                Assert.Equal(0, serve.Stop());
            }

            var run = Path.GetDirectoryName(summary)!;
            Assert.Matches("^run-[0-9]{8}-[0-9]{6}$", Path.GetFileName(run));
            Assert.False(Directory.Exists(Path.Combine(run, BatchSummaryWriter.RunsFolder)), "the run folder is the run's own: no runs/ copy inside it");
            var csv = (await File.ReadAllTextAsync(Path.Combine(run, BatchSummaryWriter.CsvFileName))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, csv.Length); // header and the one series
            Assert.Contains("succeeded", csv[1], StringComparison.Ordinal);
            var report = Assert.Single(Directory.GetFiles(run, HtmlReportWriter.FileName, SearchOption.AllDirectories));
            var link = Path.GetRelativePath(run, report).Replace(Path.DirectorySeparatorChar, '/');
            Assert.Contains($"href=\"{link}\"", await File.ReadAllTextAsync(summary!), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
