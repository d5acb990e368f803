using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Pipeline.Tests.Routing;

/// <summary>The matcher: each attribute, regex search, thickness ranges, ignore, first match wins, the default.</summary>
public sealed class SeriesRouterTests
{
    private static readonly SeriesAttributes Ct = new("CT", "ABDOMEN", "Abd 1.0 B30f portal", "LIVER_PV", "SIEMENS", 1.0, "PACS1");

    private static RoutingRule Rule(string name, RoutingMatch match, params string[] pipelines) =>
        new() { Name = name, Match = match, Pipelines = [.. pipelines] };

    private static RoutingDecision Route(SeriesAttributes s, params RoutingRule[] rules) =>
        new SeriesRouter(rules, ["liver"]).Route(s);

    [SkippableTheory]
    [InlineData("Modality", "ct", true)]
    [InlineData("Modality", "MR", false)]
    [InlineData("BodyPartExamined", " abdomen ", true)]
    [InlineData("BodyPartExamined", "HEAD", false)]
    [InlineData("Manufacturer", "siemens", true)]
    [InlineData("Manufacturer", "GE MEDICAL SYSTEMS", false)]
    [InlineData("CallingAeTitle", "pacs1", true)]
    [InlineData("CallingAeTitle", "PACS2", false)]
    [InlineData("SeriesDescription", "b30f", true)]
    [InlineData("SeriesDescription", "^portal", false)]
    [InlineData("ProtocolName", "^liver_(pv|art)$", true)]
    [InlineData("ProtocolName", "brain", false)]
    public void Each_attribute_is_checked(string attribute, string expected, bool matches)
    {
        var match = new RoutingMatch();
        typeof(RoutingMatch).GetProperty(attribute)!.SetValue(match, expected);
        var decision = Route(Ct, Rule("r", match, "spleen"));
        Assert.Equal(matches ? "r" : null, decision.Rule);
        Assert.Equal(matches ? ["spleen"] : ["liver"], decision.Pipelines);
        var condition = Assert.Single(Assert.Single(decision.Evaluations).Conditions);
        Assert.Equal(attribute, condition.Attribute);
        Assert.Equal(matches, condition.Matched);
    }

    [SkippableTheory]
    [InlineData(0.5, 1.5, 1.0, true)]
    [InlineData(1.0, 1.0, 1.0, true)]
    [InlineData(null, 0.9, 1.0, false)]
    [InlineData(1.01, null, 1.0, false)]
    [InlineData(null, 5.0, 3.5, true)]
    public void Slice_thickness_range_is_inclusive_and_open_where_unset(double? min, double? max, double thickness, bool matches)
    {
        var rule = Rule("thin", new RoutingMatch { SliceThicknessMm = new ThicknessRange { Min = min, Max = max } }, "fine");
        var decision = Route(Ct with { SliceThicknessMm = thickness }, rule);
        Assert.Equal(matches, decision.Rule == "thin");
        Assert.Equal(thickness.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Evaluations[0].Conditions[0].Seen);
    }

    [SkippableFact]
    public void An_absent_attribute_never_matches()
    {
        var series = new SeriesAttributes("CT", null, null, null, null, null, null);
        var decision = Route(series,
            Rule("a", new RoutingMatch { BodyPartExamined = "ABDOMEN" }, "x"),
            Rule("b", new RoutingMatch { SeriesDescription = ".*" }, "x"),
            Rule("c", new RoutingMatch { SliceThicknessMm = new ThicknessRange { Min = 0 } }, "x"),
            Rule("d", new RoutingMatch { CallingAeTitle = "PACS1" }, "x"));
        Assert.True(decision.IsDefault);
        Assert.All(decision.Evaluations, e => Assert.Null(Assert.Single(e.Conditions).Seen));
    }

    [SkippableFact]
    public void All_conditions_of_a_rule_must_hold()
    {
        var decision = Route(Ct, Rule("both", new RoutingMatch { Modality = "CT", BodyPartExamined = "HEAD" }, "brain"));
        Assert.True(decision.IsDefault);
        Assert.Equal([true, false], decision.Evaluations[0].Conditions.Select(c => c.Matched));
    }

    [SkippableFact]
    public void The_first_matching_rule_wins_and_later_rules_are_not_checked()
    {
        var decision = Route(Ct,
            Rule("mr", new RoutingMatch { Modality = "MR" }, "brain"),
            Rule("ct", new RoutingMatch { Modality = "CT" }, "liver", "spleen"),
            Rule("abdomen", new RoutingMatch { BodyPartExamined = "ABDOMEN" }, "kidney"));
        Assert.Equal("ct", decision.Rule);
        Assert.Equal(["liver", "spleen"], decision.Pipelines);
        Assert.Equal(["mr", "ct"], decision.Evaluations.Select(e => e.Rule));
    }

    [SkippableFact]
    public void An_ignore_rule_gives_no_pipelines()
    {
        var ignore = new RoutingRule { Name = "scouts", Match = new RoutingMatch { SeriesDescription = "topogram|scout" }, Ignore = true };
        var decision = Route(Ct with { SeriesDescription = "Topogram 0.6 T20f" }, ignore);
        Assert.True(decision.Ignored);
        Assert.Empty(decision.Pipelines);
        Assert.Equal("scouts", decision.Rule);
    }

    [SkippableFact]
    public void Unmatched_series_get_the_default_or_are_ignored_when_configured()
    {
        var rule = Rule("mr", new RoutingMatch { Modality = "MR" }, "brain");
        Assert.Equal(["liver", "spleen"], new SeriesRouter([rule], ["liver", "spleen"]).Route(Ct).Pipelines);
        var ignored = new SeriesRouter([rule], ["liver"], ignoreUnmatched: true).Route(Ct);
        Assert.True(ignored.Ignored);
        Assert.True(ignored.IsDefault);
        Assert.Empty(ignored.Pipelines);
    }

    [SkippableFact]
    public void No_rules_means_the_default_pipeline_for_every_series()
    {
        var decision = new SeriesRouter([], ["liver"]).Route(Ct);
        Assert.Equal(["liver"], decision.Pipelines);
        Assert.Empty(decision.Evaluations);
    }
}
