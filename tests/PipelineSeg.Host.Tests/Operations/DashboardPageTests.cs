using System.Text.RegularExpressions;
using PipelineSeg.Host.Operations.Dashboard;

namespace PipelineSeg.Host.Tests.Operations;

public sealed partial class DashboardPageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public void Every_value_is_html_encoded_and_the_page_requests_nothing_from_elsewhere()
    {
        var model = new DashboardModel(T0, "node-<1>",
            [
                new DashboardJob(7, "failed", "a1b2c3", "liver 1.2", 3, T0, TimeSpan.FromSeconds(12.34), null, "/jobs/7/error.json", "segment: <script>alert(1)</script> & more"),
                new DashboardJob(6, "succeeded", "d4e5f6", "liver 1.2", 1, T0.AddMinutes(-5), TimeSpan.FromSeconds(3), "/jobs/6/results/report.html", null, null),
                new DashboardJob(5, "queued", "0a0b0c", "liver 1.2", 0, T0.AddMinutes(-1), null, null, null, null),
            ],
            new Dictionary<string, int> { ["failed"] = 1, ["succeeded"] = 1, ["queued"] = 1 },
            ["unet-liver-phantom 1.0.0"], ["broken-plugin: manifest hash mismatch <bad>"]);

        var html = DashboardPage.Render(model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("node-&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("refused: broken-plugin: manifest hash mismatch &lt;bad&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"queue-depth\">1</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/jobs/6/results/report.html\">report</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/jobs/7/error.json\">error.json</a>", html, StringComparison.Ordinal);
        Assert.Contains("12.3 s", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<tr><td>"));
        // Only links within this endpoint: no scheme, no protocol-relative URL, no src attribute at all.
        Assert.All(Link().Matches(html), m => Assert.StartsWith("/", m.Groups["url"].Value, StringComparison.Ordinal));
        Assert.All(Link().Matches(html), m => Assert.False(m.Groups["url"].Value.StartsWith("//", StringComparison.Ordinal)));
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(?<url>[^\"]*)\"")]
    private static partial Regex Link();
}
