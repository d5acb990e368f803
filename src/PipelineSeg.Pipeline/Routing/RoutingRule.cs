using System.Text.RegularExpressions;

namespace PipelineSeg.Pipeline.Routing;

/// <summary>One routing rule: when <see cref="Match"/> holds, the series gets <see cref="Pipelines"/>, or nothing when <see cref="Ignore"/>.</summary>
public sealed class RoutingRule
{
    /// <summary>Name shown in explanations and logs.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The conditions.</summary>
    public RoutingMatch Match { get; set; } = new();

    /// <summary>Pipelines run for a matching series (names under <c>Pipelines</c>).</summary>
    public List<string> Pipelines { get; set; } = [];

    /// <summary>A matching series is not processed.</summary>
    public bool Ignore { get; set; }

    /// <summary>Problems with this rule, each naming the setting (<paramref name="setting"/> is e.g. <c>Routing:Rules:0</c>).</summary>
    public IEnumerable<string> Validate(string setting, Func<string, bool> isPipelineDefined)
    {
        ArgumentNullException.ThrowIfNull(isPipelineDefined);
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{setting}:Name is required";
        }
        if (Match is null || Match.IsEmpty)
        {
            yield return $"{setting}:Match sets no condition (it would match every series; use Routing:DefaultPipelines for that)";
        }
        else
        {
            foreach (var (key, pattern) in new[] { ("SeriesDescription", Match.SeriesDescription), ("ProtocolName", Match.ProtocolName) })
            {
                if (pattern is not null && RegexError(pattern) is { } error)
                {
                    yield return $"{setting}:Match:{key} is not a valid regular expression: {error}";
                }
            }
            if (Match.SliceThicknessMm is { } r && (r.Min is null && r.Max is null || r.Min > r.Max || r.Min < 0))
            {
                yield return $"{setting}:Match:SliceThicknessMm needs Min and/or Max with 0 <= Min <= Max (got {r})";
            }
        }
        if (Ignore && Pipelines.Count > 0)
        {
            yield return $"{setting}: set either Pipelines or Ignore, not both";
        }
        if (!Ignore && Pipelines.Count == 0)
        {
            yield return $"{setting}:Pipelines is empty (name at least one pipeline, or set Ignore: true)";
        }
        for (var i = 0; i < Pipelines.Count; i++)
        {
            if (!isPipelineDefined(Pipelines[i]))
            {
                yield return $"{setting}:Pipelines:{i} '{Pipelines[i]}' is not defined under Pipelines";
            }
        }
    }

    private static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RoutingRegex.Options, RoutingRegex.Timeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
