namespace PipelineSeg.EndToEnd.Tests.Browser;

/// <summary>What the browser saw on one page.</summary>
/// <param name="Images">Every img element: the start of its src and its natural size (0 when it did not load).</param>
/// <param name="Requests">Every URL the page requested (the page itself included).</param>
/// <param name="ExternalReferences">src/href attributes that point off the machine (http:, https:, //host).</param>
/// <param name="ContentSecurityPolicy">The content of the page's CSP meta tag, or null.</param>
/// <param name="Screenshot">The full-page screenshot written.</param>
/// <param name="Content">The page's HTML as the browser holds it.</param>
internal sealed record PageCheck(
    IReadOnlyList<ImageState> Images,
    IReadOnlyList<string> Requests,
    IReadOnlyList<string> ExternalReferences,
    string? ContentSecurityPolicy,
    string Screenshot,
    string Content);
