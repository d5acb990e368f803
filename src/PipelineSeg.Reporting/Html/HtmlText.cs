using System.Globalization;
using System.Net;

namespace PipelineSeg.Reporting.Html;

/// <summary>Encoding and number formatting for the generated pages: every text from data goes through <see cref="Encode"/>.</summary>
public static class HtmlText
{
    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number with <paramref name="decimals"/> decimals (invariant culture), or "n/a" when undefined.</summary>
    public static string Number(double? value, int decimals = 4) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    /// <summary>An integer, invariant culture.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An <c>img</c> source for PNG bytes embedded in the page (no file beside it, no request).</summary>
    public static string PngDataUri(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
