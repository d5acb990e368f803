using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Pipeline.Tests.Routing;

/// <summary>Rule validation names the setting for unknown pipelines, bad patterns, empty matches and bad ranges.</summary>
public sealed class RoutingRuleValidationTests
{
    private static List<string> Validate(RoutingRule rule) =>
        rule.Validate("Routing:Rules:3", name => name is "liver" or "spleen").ToList();

    [SkippableFact]
    public void A_complete_rule_is_valid()
    {
        Assert.Empty(Validate(new RoutingRule { Name = "ct", Match = new RoutingMatch { Modality = "CT", SeriesDescription = "portal|venous" }, Pipelines = ["liver", "spleen"] }));
        Assert.Empty(Validate(new RoutingRule { Name = "scouts", Match = new RoutingMatch { SeriesDescription = "scout" }, Ignore = true }));
    }

    [SkippableTheory]
    [InlineData("SeriesDescription")]
    [InlineData("ProtocolName")]
    public void A_bad_regex_is_named(string attribute)
    {
        var match = new RoutingMatch();
        typeof(RoutingMatch).GetProperty(attribute)!.SetValue(match, "abd(");
        var error = Assert.Single(Validate(new RoutingRule { Name = "r", Match = match, Pipelines = ["liver"] }));
        Assert.StartsWith($"Routing:Rules:3:Match:{attribute} is not a valid regular expression", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_pipeline_is_named()
    {
        var error = Assert.Single(Validate(new RoutingRule { Name = "r", Match = new RoutingMatch { Modality = "CT" }, Pipelines = ["liver", "brain"] }));
        Assert.Equal("Routing:Rules:3:Pipelines:1 'brain' is not defined under Pipelines", error);
    }

    [SkippableFact]
    public void An_empty_match_is_refused()
    {
        var error = Assert.Single(Validate(new RoutingRule { Name = "all", Pipelines = ["liver"] }));
        Assert.StartsWith("Routing:Rules:3:Match sets no condition", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null, null)]
    [InlineData(3.0, 1.0)]
    [InlineData(-1.0, 1.0)]
    public void A_bad_thickness_range_is_refused(double? min, double? max)
    {
        var rule = new RoutingRule { Name = "r", Match = new RoutingMatch { SliceThicknessMm = new ThicknessRange { Min = min, Max = max } }, Pipelines = ["liver"] };
        Assert.StartsWith("Routing:Rules:3:Match:SliceThicknessMm", Assert.Single(Validate(rule)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Name_and_a_target_are_required_and_ignore_excludes_pipelines()
    {
        Assert.Contains("Routing:Rules:3:Name is required", Validate(new RoutingRule { Match = new RoutingMatch { Modality = "CT" }, Pipelines = ["liver"] }));
        Assert.StartsWith("Routing:Rules:3:Pipelines is empty", Assert.Single(Validate(new RoutingRule { Name = "r", Match = new RoutingMatch { Modality = "CT" } })), StringComparison.Ordinal);
        Assert.Equal("Routing:Rules:3: set either Pipelines or Ignore, not both",
            Assert.Single(Validate(new RoutingRule { Name = "r", Match = new RoutingMatch { Modality = "CT" }, Pipelines = ["liver"], Ignore = true })));
    }
}
