using System.Globalization;
using System.Text.RegularExpressions;

namespace PipelineSeg.Pipeline.Routing;

/// <summary>
/// Decides the pipelines of a series from its header attributes: the first rule whose conditions all hold wins; when none
/// does, the default pipelines apply (or the series is ignored when <c>ignoreUnmatched</c>). Pure: no I/O.
/// </summary>
public sealed class SeriesRouter
{
    private readonly IReadOnlyList<(RoutingRule Rule, Regex? Description, Regex? Protocol)> rules;
    private readonly IReadOnlyList<string> defaultPipelines;
    private readonly bool ignoreUnmatched;

    /// <summary>A router over validated <paramref name="rules"/> (see <see cref="RoutingRule.Validate"/>).</summary>
    public SeriesRouter(IEnumerable<RoutingRule> rules, IReadOnlyList<string> defaultPipelines, bool ignoreUnmatched = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(defaultPipelines);
        this.rules = rules.Select(r => (r, Compile(r.Match.SeriesDescription), Compile(r.Match.ProtocolName))).ToList();
        this.defaultPipelines = defaultPipelines;
        this.ignoreUnmatched = ignoreUnmatched;
    }

    /// <summary>The decision for <paramref name="series"/>.</summary>
    public RoutingDecision Route(SeriesAttributes series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var evaluations = new List<RuleEvaluation>();
        foreach (var (rule, description, protocol) in rules)
        {
            var evaluation = new RuleEvaluation(rule.Name, Check(rule.Match, description, protocol, series));
            evaluations.Add(evaluation);
            if (evaluation.Matched)
            {
                return new RoutingDecision(rule.Name, rule.Ignore ? [] : rule.Pipelines, rule.Ignore, evaluations);
            }
        }
        return new RoutingDecision(null, ignoreUnmatched ? [] : defaultPipelines, ignoreUnmatched, evaluations);
    }

    private static List<ConditionResult> Check(RoutingMatch m, Regex? description, Regex? protocol, SeriesAttributes s)
    {
        var results = new List<ConditionResult>();
        Equal(results, "Modality", m.Modality, s.Modality);
        Equal(results, "BodyPartExamined", m.BodyPartExamined, s.BodyPartExamined);
        Pattern(results, "SeriesDescription", description, s.SeriesDescription);
        Pattern(results, "ProtocolName", protocol, s.ProtocolName);
        Equal(results, "Manufacturer", m.Manufacturer, s.Manufacturer);
        if (m.SliceThicknessMm is { } range)
        {
            results.Add(new ConditionResult("SliceThicknessMm", range.ToString(),
                s.SliceThicknessMm?.ToString("0.###", CultureInfo.InvariantCulture), s.SliceThicknessMm is { } t && range.Contains(t)));
        }
        Equal(results, "CallingAeTitle", m.CallingAeTitle, s.CallingAeTitle);
        return results;
    }

    private static void Equal(List<ConditionResult> results, string attribute, string? expected, string? seen)
    {
        if (expected is not null)
        {
            results.Add(new ConditionResult(attribute, expected.Trim(), seen,
                seen is not null && string.Equals(expected.Trim(), seen, StringComparison.OrdinalIgnoreCase)));
        }
    }

    private static void Pattern(List<ConditionResult> results, string attribute, Regex? pattern, string? seen)
    {
        if (pattern is not null)
        {
            results.Add(new ConditionResult(attribute, $"/{pattern}/", seen, seen is not null && Matches(pattern, seen)));
        }
    }

    // A pattern that runs past its timeout counts as "no match" rather than stalling the intake.
    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? Compile(string? pattern) => pattern is null ? null : new Regex(pattern, RoutingRegex.Options, RoutingRegex.Timeout);
}
