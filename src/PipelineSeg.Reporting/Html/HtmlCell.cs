namespace PipelineSeg.Reporting.Html;

/// <summary>One table cell: markup (already encoded) and whether it is text (left-aligned) rather than a number.</summary>
public readonly record struct HtmlCell(string Markup, bool Left = false)
{
    /// <summary>A text cell, encoded.</summary>
    public static HtmlCell Text(string? text) => new(HtmlText.Encode(text), true);

    /// <summary>A number cell.</summary>
    public static HtmlCell Number(double? value, int decimals = 4) => new(HtmlText.Number(value, decimals));

    /// <summary>A link to a relative path, encoded.</summary>
    public static HtmlCell Link(string href, string text) => new($"<a href=\"{HtmlText.Encode(href)}\">{HtmlText.Encode(text)}</a>", true);
}
