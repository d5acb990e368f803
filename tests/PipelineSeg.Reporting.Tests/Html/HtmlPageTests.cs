using PipelineSeg.Reporting.Html;

namespace PipelineSeg.Reporting.Tests.Html;

public sealed class HtmlPageTests
{
    [SkippableFact]
    public void Text_from_data_is_encoded_and_the_page_forbids_every_request()
    {
        var page = new HtmlPage("series <1>")
            .Paragraph("<script>alert(1)</script>")
            .Table(["segment", "dice"], [[HtmlCell.Text("liver & \"lesion\""), HtmlCell.Number(0.93456)]])
            .Figure([0x89, 0x50, 0x4E, 0x47], "axial <slice>")
            .ToString();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("liver &amp; &quot;lesion&quot;", page, StringComparison.Ordinal);
        Assert.Contains("<td>0.9346</td>", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBORw==\"", page, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlPage.ContentSecurityPolicy}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", page, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Undefined_numbers_read_n_a_and_the_series_hash_is_a_stable_prefix_of_sha256()
    {
        Assert.Equal("n/a", HtmlText.Number(null));
        Assert.Equal("n/a", HtmlText.Number(double.NaN));
        // python3: hashlib.sha256(b"1.2.3").hexdigest()[:12]
        Assert.Equal("c47f5b18b8a4", SeriesUidHash.Of("1.2.3")[..12]);
        Assert.Equal(12, SeriesUidHash.Of("2.25.1").Length);
        Assert.NotEqual(SeriesUidHash.Of("2.25.1"), SeriesUidHash.Of("2.25.2"));
    }
}
