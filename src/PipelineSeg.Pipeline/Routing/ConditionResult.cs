namespace PipelineSeg.Pipeline.Routing;

/// <summary>One condition of a rule checked against a series: what was required, what the series had, whether it held.</summary>
public sealed record ConditionResult(string Attribute, string Expected, string? Seen, bool Matched);
