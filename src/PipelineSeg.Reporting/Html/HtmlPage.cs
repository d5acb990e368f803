using System.Text;

namespace PipelineSeg.Reporting.Html;

/// <summary>
/// A self-contained page: inline style, images as data: URIs, and a Content-Security-Policy that forbids every
/// request (scripts, fonts, remote images), so a report opened anywhere never reaches out.
/// </summary>
public sealed class HtmlPage
{
    /// <summary>The policy of every page: nothing but inline style and data: images.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24;max-width:1400px}
        h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ccd}
        table{border-collapse:collapse;font-size:.85rem;margin:.3rem 0}th,td{border:1px solid #ccd;padding:.2rem .45rem;text-align:right}
        th{background:#eef1f5}td.t,th.t{text-align:left}.banner{background:#fff3cd;border:1px solid #e0c060;padding:.4rem .6rem;margin:.5rem 0}
        .fail{color:#a00;font-weight:600}.ok{color:#060}figure{display:inline-block;margin:.3rem .6rem .6rem 0;vertical-align:top}
        figcaption{font-size:.8rem;color:#444}img{border:1px solid #ccd;max-width:100%}.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #555;vertical-align:middle}
        .wide{overflow-x:auto}dl{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;font-size:.9rem}dt{color:#555}dd{margin:0}
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    /// <summary>Starts a page with an encoded title.</summary>
    public HtmlPage(string title) => _title = title;

    /// <summary>Appends markup that the caller has already built from encoded text.</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    /// <summary>A heading of level 2.</summary>
    public HtmlPage Heading(string text) => Raw($"<h2>{HtmlText.Encode(text)}</h2>");

    /// <summary>A paragraph of plain text.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null) =>
        Raw(cssClass is null ? $"<p>{HtmlText.Encode(text)}</p>" : $"<p class=\"{cssClass}\">{HtmlText.Encode(text)}</p>");

    /// <summary>A definition list of facts (name → value), both encoded.</summary>
    public HtmlPage Facts(IEnumerable<(string Name, string Value)> facts)
    {
        var sb = new StringBuilder("<dl>");
        foreach (var (name, value) in facts)
        {
            sb.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
        }
        return Raw(sb.Append("</dl>").ToString());
    }

    /// <summary>A table; cells are encoded text unless given as <see cref="HtmlCell"/> with markup.</summary>
    public HtmlPage Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<HtmlCell>> rows)
    {
        var sb = new StringBuilder("<div class=\"wide\"><table><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            sb.Append(i == 0 ? "<th class=\"t\">" : "<th>").Append(HtmlText.Encode(headers[i])).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append(cell.Left ? "<td class=\"t\">" : "<td>").Append(cell.Markup).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return Raw(sb.Append("</tbody></table></div>").ToString());
    }

    /// <summary>A PNG embedded as a data: URI, with its (encoded) caption as alt text and figure caption.</summary>
    public HtmlPage Figure(byte[] png, string caption) =>
        Raw($"<figure><img src=\"{HtmlText.PngDataUri(png)}\" alt=\"{HtmlText.Encode(caption)}\"><figcaption>{HtmlText.Encode(caption)}</figcaption></figure>");

    /// <summary>The whole document.</summary>
    public override string ToString() =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlText.Encode(_title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        <h1>{HtmlText.Encode(_title)}</h1>
        {_body}</body>
        </html>

        """;

    /// <summary>Writes the page through a temporary file, so a reader never sees half a page.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
