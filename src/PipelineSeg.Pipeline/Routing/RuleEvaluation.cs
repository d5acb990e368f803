namespace PipelineSeg.Pipeline.Routing;

/// <summary>A rule checked against a series: every condition's result; the rule matches when all hold.</summary>
public sealed record RuleEvaluation(string Rule, IReadOnlyList<ConditionResult> Conditions)
{
    /// <summary>True when every condition held.</summary>
    public bool Matched => Conditions.All(c => c.Matched);
}
