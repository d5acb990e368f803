using PipelineSeg.Comparison.Running;

namespace PipelineSeg.Comparison.Reports;

/// <summary>Writes comparison.csv, comparison-cases.csv, comparison.md, comparison.html and each chart as PNG into one folder.</summary>
public static class ComparisonWriter
{
    /// <summary>The files written, in order.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(ComparisonResult result, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        async Task Text(string name, string text)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }
        await Text("comparison.csv", ComparisonCsv.Summary(result)).ConfigureAwait(false);
        await Text("comparison-cases.csv", ComparisonCsv.Cases(result)).ConfigureAwait(false);
        await Text("comparison.md", ComparisonMarkdown.Format(result)).ConfigureAwait(false);
        var figures = ComparisonFigures.Draw(result);
        var html = Path.Combine(folder, "comparison.html");
        await ComparisonHtml.Build(result, [.. figures.Select(f => f.Figure)]).WriteAsync(html, cancellationToken).ConfigureAwait(false);
        written.Add(html);
        foreach (var (stem, figure) in figures)
        {
            var path = Path.Combine(folder, $"comparison-{stem}.png");
            await File.WriteAllBytesAsync(path, figure.Png, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }
        return written;
    }
}
