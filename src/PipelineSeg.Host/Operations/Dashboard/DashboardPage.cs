using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PipelineSeg.Host.Operations.Dashboard;

/// <summary>
/// The read-only job dashboard as one self-contained HTML page: inline style, no script, no external resource (the
/// endpoint also sends a Content-Security-Policy that forbids any). Every value is HTML-encoded.
/// </summary>
internal static class DashboardPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The page for <paramref name="model"/>.</summary>
    public static string Render(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">
            <title>PipelineSeg jobs</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border-bottom:1px solid #ddd;padding:.3em .7em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            .queued{color:#666}.running{color:#0a58ca}.succeeded{color:#198754}.failed{color:#b02a37;font-weight:600}
            code{font-size:12px}
            </style></head><body>
            <h1>PipelineSeg jobs</h1>
            """).Append('\n');
        page.Append(CultureInfo.InvariantCulture, $"<p>Instance <code>{E(model.Instance)}</code>, {E(model.GeneratedUtc.ToString("u", CultureInfo.InvariantCulture))}; queue depth <strong id=\"queue-depth\">{model.QueueDepth}</strong>; ");
        page.Append(string.Join(", ", model.JobsByState.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{E(s.Key)} {s.Value}")));
        page.Append(".</p>\n<h2>Plugins</h2>\n<ul>\n");
        foreach (var m in model.Models)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"succeeded\">loaded: {E(m)}</li>\n");
        }
        foreach (var r in model.RefusedPlugins)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"failed\">refused: {E(r)}</li>\n");
        }
        if (model.Models.Count == 0 && model.RefusedPlugins.Count == 0)
        {
            page.Append("<li class=\"failed\">no model plugin found</li>\n");
        }
        page.Append(CultureInfo.InvariantCulture, $"</ul>\n<h2>Recent jobs ({model.Jobs.Count})</h2>\n");
        page.Append("<table id=\"jobs\"><thead><tr><th>id</th><th>state</th><th>series (hash)</th><th>pipeline</th><th>attempts</th><th>queued (UTC)</th><th>duration</th><th>results</th></tr></thead><tbody>\n");
        foreach (var j in model.Jobs)
        {
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{j.Id}</td><td class=\"{E(j.State)}\">{E(j.State)}</td><td><code>{E(j.SeriesHash)}</code></td>");
            page.Append(CultureInfo.InvariantCulture, $"<td>{E(j.Pipeline)}</td><td>{j.Attempts}</td><td>{E(j.EnqueuedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td>");
            page.Append(CultureInfo.InvariantCulture, $"<td>{(j.Duration is { } d ? E(d.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s") : "")}</td><td>");
            if (j.ReportLink is not null)
            {
                page.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(j.ReportLink)}\">report</a> ");
            }
            if (j.ErrorLink is not null)
            {
                page.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(j.ErrorLink)}\">error.json</a> ");
            }
            if (j.Error is not null)
            {
                page.Append(CultureInfo.InvariantCulture, $"<small>{E(j.Error)}</small>");
            }
            page.Append("</td></tr>\n");
        }
        page.Append("</tbody></table>\n<p><a href=\"/health\">/health</a> · <a href=\"/metrics\">/metrics</a></p>\n</body></html>\n");
        return page.ToString();
    }

    private static string E(string text) => Html.Encode(text);
}
