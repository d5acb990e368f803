namespace PipelineSeg.Pipeline.Routing;

/// <summary>
/// Where a series goes: the pipelines to run (empty when <see cref="Ignored"/>), the rule that decided (null for the
/// default) and the rules checked up to and including it, for explanations.
/// </summary>
public sealed record RoutingDecision(string? Rule, IReadOnlyList<string> Pipelines, bool Ignored, IReadOnlyList<RuleEvaluation> Evaluations)
{
    /// <summary>True when no rule matched and the default applied.</summary>
    public bool IsDefault => Rule is null;
}
