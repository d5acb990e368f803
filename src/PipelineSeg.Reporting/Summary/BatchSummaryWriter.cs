using System.Globalization;
using System.Text;
using PipelineSeg.Pipeline.Batch;

namespace PipelineSeg.Reporting.Summary;

/// <summary>
/// Writes summary.csv and summary.html beside batch-summary.json (the latest run) and a copy of both under
/// runs/&lt;UTC stamp&gt;/, so a nightly run never overwrites an earlier run's summary.
/// </summary>
public static class BatchSummaryWriter
{
    /// <summary>The CSV's file name.</summary>
    public const string CsvFileName = "summary.csv";

    /// <summary>The page's file name.</summary>
    public const string HtmlFileName = "summary.html";

    /// <summary>The folder that keeps one summary per run.</summary>
    public const string RunsFolder = "runs";

    /// <summary>
    /// Writes summary.csv and summary.html into the output folder of a run that has a folder of its own (the nightly
    /// batch's run-&lt;UTC&gt;/), without a runs/ copy; returns the page's path.
    /// </summary>
    public static async Task<string> WriteRunFolderAsync(BatchSummary summary, DateTimeOffset runUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = await SummaryReader.ReadAsync(summary, summary.Output, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(Path.Combine(summary.Output, CsvFileName), SummaryCsv.Format(rows), cancellationToken).ConfigureAwait(false);
        var page = Path.Combine(summary.Output, HtmlFileName);
        await SummaryPage.Build(summary, rows, runUtc, string.Empty).WriteAsync(page, cancellationToken).ConfigureAwait(false);
        return page;
    }

    /// <summary>Writes the four files; returns the paths of the latest summary.html and of the run's copy.</summary>
    public static async Task<(string Latest, string Run)> WriteAsync(BatchSummary summary, DateTimeOffset runUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var root = summary.Output;
        var rows = await SummaryReader.ReadAsync(summary, root, cancellationToken).ConfigureAwait(false);
        var csv = SummaryCsv.Format(rows);
        var run = Path.Combine(root, RunsFolder, RunStamp(root, runUtc));
        Directory.CreateDirectory(run);
        await WriteTextAsync(Path.Combine(run, CsvFileName), csv, cancellationToken).ConfigureAwait(false);
        await SummaryPage.Build(summary, rows, runUtc, "../../").WriteAsync(Path.Combine(run, HtmlFileName), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(Path.Combine(root, CsvFileName), csv, cancellationToken).ConfigureAwait(false);
        var latest = Path.Combine(root, HtmlFileName);
        await SummaryPage.Build(summary, rows, runUtc, string.Empty).WriteAsync(latest, cancellationToken).ConfigureAwait(false);
        return (latest, Path.Combine(run, HtmlFileName));
    }

    // two runs within one second get -2, -3 … rather than sharing (and overwriting) a folder
    private static string RunStamp(string root, DateTimeOffset runUtc)
    {
        var stamp = runUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = stamp;
        for (var n = 2; Directory.Exists(Path.Combine(root, RunsFolder, name)); n++)
        {
            name = $"{stamp}-{n}";
        }
        return name;
    }

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
