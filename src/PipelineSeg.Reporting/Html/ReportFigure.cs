namespace PipelineSeg.Reporting.Html;

/// <summary>One image of a page: PNG bytes and the caption that says what it shows.</summary>
public sealed record ReportFigure(byte[] Png, string Caption);
